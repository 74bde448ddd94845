// SPDX-License-Identifier: MIT
#include "core/json/jsonparse.h"

#include "core/json/jsonsyntax.h"

#include <QJsonDocument>
#include <QJsonParseError>

namespace tc {
namespace {

QString describe(QJsonParseError::ParseError error)
{
    switch (error) {
    case QJsonParseError::UnterminatedObject: return QStringLiteral("an object is not closed: a '}' is missing");
    case QJsonParseError::MissingNameSeparator: return QStringLiteral("a ':' is missing after a key");
    case QJsonParseError::UnterminatedArray: return QStringLiteral("a list is not closed: a ']' is missing");
    case QJsonParseError::MissingValueSeparator: return QStringLiteral("a ',' is missing between two values");
    case QJsonParseError::IllegalValue:
        return QStringLiteral("this is not a JSON value (strings need double quotes; true, false and null are "
                              "lower case)");
    case QJsonParseError::TerminationByNumber: return QStringLiteral("the text ends inside a number");
    case QJsonParseError::IllegalNumber: return QStringLiteral("this number is not valid JSON");
    case QJsonParseError::IllegalEscapeSequence: return QStringLiteral("this escape sequence is not valid JSON");
    case QJsonParseError::IllegalUTF8String: return QStringLiteral("the text is not valid UTF-8 here");
    case QJsonParseError::UnterminatedString: return QStringLiteral("a string is not closed: a '\"' is missing");
    case QJsonParseError::MissingObject:
        return QStringLiteral("something is missing just before here: a value after ':' or a key after ','");
    case QJsonParseError::DeepNesting: return QStringLiteral("the JSON is nested too deeply (more than 1024 levels)");
    case QJsonParseError::DocumentTooLarge: return QStringLiteral("the JSON document is too large");
    case QJsonParseError::GarbageAtEnd: return QStringLiteral("there is more text after the end of the JSON value");
    case QJsonParseError::NoError: break;
    }
    return QStringLiteral("the text is not valid JSON");
}

qsizetype firstNonSpace(const QByteArray& text, qsizetype from)
{
    qsizetype i = from;
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r'))
        ++i;
    return i;
}

const QByteArray& byteOrderMark()
{
    static const QByteArray mark("\xEF\xBB\xBF");
    return mark;
}

// `offset` counts bytes from the start of `text`. An editor does not show a byte-order mark, so
// the mark takes no column: lines and columns count from just after it.
JsonTextError errorAt(const QByteArray& text, qsizetype offset, QString message)
{
    const qsizetype mark = text.startsWith(byteOrderMark()) ? byteOrderMark().size() : 0;
    const QByteArray shown = QByteArray::fromRawData(text.constData() + mark, text.size() - mark);
    const auto [line, column] = lineAndColumn(shown, offset - mark);
    return {std::move(message), line, column};
}

// Qt's reader drops a U+FEFF that starts a string without escapes (it takes it for a byte-order
// mark), and an object whose key lost one then iterates out of order. Spelled as the escape
// \ufeff, which means the same, the character stays. The scanner has passed the text, so every
// such sequence is inside a string; the offsets of Qt's errors are those of the text as given,
// hence only a document Qt accepted is read again (found by fuzz_request).
QJsonDocument keepingInnerMarks(const QByteArray& text, const QJsonDocument& document)
{
    if (!text.contains(byteOrderMark()))
        return document;
    QByteArray escaped = text;
    escaped.replace(byteOrderMark(), QByteArrayLiteral("\\ufeff"));
    return QJsonDocument::fromJson(escaped);
}

} // namespace

QString JsonTextError::toString() const
{
    if (line <= 0)
        return message;
    return QStringLiteral("line %1, column %2: %3").arg(line).arg(column).arg(message);
}

std::pair<int, int> lineAndColumn(const QByteArray& text, qsizetype byteOffset)
{
    const qsizetype end = std::clamp<qsizetype>(byteOffset, 0, text.size());
    int line = 1;
    int column = 1;
    for (qsizetype i = 0; i < end; ++i) {
        const auto byte = static_cast<unsigned char>(text[i]);
        if (byte == '\n') {
            ++line;
            column = 1;
        } else if ((byte & 0xC0) != 0x80) { // count UTF-8 lead bytes only: one per character
            ++column;
        }
    }
    return {line, column};
}

ParsedObject parseJsonObject(const QByteArray& text)
{
    const qsizetype start = text.startsWith(byteOrderMark()) ? byteOrderMark().size() : 0;
    const qsizetype firstValue = firstNonSpace(text, start);
    if (firstValue == text.size())
        return {std::nullopt, {QStringLiteral("the text is empty: expected a JSON object"), 0, 0}};

    // Qt reads a scalar top level as a malformed value; say what is really wrong.
    if (text[firstValue] != '{' && text[firstValue] != '[')
        return {std::nullopt, errorAt(text, firstValue, QStringLiteral("expected a JSON object ({ … })"))};

    // Qt's parser forgives raw line breaks and unknown escapes inside strings; the server does not,
    // so the strict scanner goes first. It also pins down positions Qt reports a token off.
    if (const std::optional<SyntaxError> syntax = findSyntaxError(text, start))
        return {std::nullopt, errorAt(text, syntax->offset, syntax->message)};

    QJsonParseError parseError;
    // The offset Qt reports is relative to what it was given, so hand it the bytes after the mark
    // and add the mark back when turning the offset into a line and column.
    QJsonDocument document = QJsonDocument::fromJson(text.mid(start), &parseError);
    if (parseError.error == QJsonParseError::NoError)
        document = keepingInnerMarks(text.mid(start), document);
    if (parseError.error == QJsonParseError::IllegalNumber) {
        // The scanner has passed the number's form, so Qt refuses its size. Qt points just past
        // the number; point at its start, as the scanner does.
        qsizetype offset = start + parseError.offset;
        while (offset > start && QByteArrayView("0123456789+-.eE").contains(text[offset - 1]))
            --offset;
        return {std::nullopt,
                errorAt(text, offset,
                        QStringLiteral("this number is out of range: a number must be 0 "
                                       "or between about 1e-308 and 1.8e308 in size"))};
    }
    if (parseError.error != QJsonParseError::NoError) // only where the scanner is laxer than Qt
        return {std::nullopt, errorAt(text, start + parseError.offset, describe(parseError.error))};
    if (!document.isObject()) {
        const QString found = document.isArray() ? QStringLiteral("a list") : QStringLiteral("a single value");
        return {std::nullopt,
                errorAt(text, firstValue, QStringLiteral("expected a JSON object ({ … }), found %1").arg(found))};
    }
    return {document.object(), {}};
}

} // namespace tc
