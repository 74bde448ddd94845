// SPDX-License-Identifier: MIT
// The JSON index and the tree model over it: any bytes. Besides crashes: the index accepts
// exactly what the strict scanner accepts; its tree is consistent (parents before children,
// child(parent(n), row(n)) == n); a value's raw bytes are JSON again; strings decode as Qt decodes
// them; find() gives what a plain search over the decoded keys and values gives; and the model
// answers every role for every row without a warning.
#include "core/json/jsonindex.h"
#include "core/json/jsonsyntax.h"
#include "core/json/jsontreemodel.h"
#include "fuzzsupport.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

using namespace tc;

namespace {

constexpr int kMaxNodesWalked = 4000; // enough for any structure; keeps each input fast

// Qt's decoding, made comparable: Qt keeps a lone surrogate escape (\ud800) as it is, where the
// index shows U+FFFD on purpose; and Qt drops a U+FEFF that starts a string without escapes
// (QString::fromUtf8 takes it for a byte-order mark), where the index keeps it: U+FEFF is
// left out of the comparison.
QString comparable(QString text)
{
    text.remove(QChar(0xFEFF));
    for (qsizetype i = 0; i < text.size(); ++i) {
        const bool pair = text.at(i).isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate();
        if (pair)
            ++i;
        else if (text.at(i).isSurrogate())
            text[i] = QChar::ReplacementCharacter;
    }
    return text;
}

void checkTree(const JsonIndex& index, const QString& shown)
{
    const int walked = std::min(index.nodeCount(), kMaxNodesWalked);
    for (int node = 0; node < walked; ++node) {
        const int parent = index.parent(node);
        FUZZ_CHECK((node == 0) == (parent < 0), shown);
        if (parent >= 0) {
            FUZZ_CHECK(parent < node && index.isContainer(parent), shown);
            FUZZ_CHECK(index.child(parent, index.row(node)) == node, shown);
            FUZZ_CHECK(index.hasKey(node) == (index.kind(parent) == JsonIndex::Kind::Object), shown);
        }
        const QByteArrayView raw = index.rawValue(node);
        FUZZ_CHECK(!findSyntaxError(raw.toByteArray()), shown);
        if (index.kind(node) == JsonIndex::Kind::String || index.hasKey(node)) {
            // Qt decodes the same token inside a list; the index must agree.
            const QByteArray token =
                (index.kind(node) == JsonIndex::Kind::String ? raw : index.rawKey(node)).toByteArray();
            const QJsonDocument document = QJsonDocument::fromJson("[" + token + "]");
            const QString decoded = comparable(document.array().at(0).toString());
            const QString ours = comparable(index.kind(node) == JsonIndex::Kind::String ? index.scalarText(node)
                                                                                        : index.key(node));
            if (document.isArray())
                FUZZ_CHECK(ours == decoded, shown + QStringLiteral(" token ") + QString::fromUtf8(token));
        }
        FUZZ_CHECK(index.preview(node, 8).size() <= 8 || index.isContainer(node), shown);
        FUZZ_CHECK(index.keyPreview(node, 8).size() <= 8, shown);
        FUZZ_CHECK(index.scalarText(node, 8).size() <= 8, shown);
        FUZZ_CHECK(index.jsonPath(node).startsWith(QLatin1Char('$')), shown);
    }
}

// find() takes shortcuts over raw bytes; the plain way decodes every key and value.
void checkFind(const JsonIndex& index, const QString& needle, Qt::CaseSensitivity cs, const QString& shown)
{
    if (index.nodeCount() > kMaxNodesWalked)
        return;
    QList<int> expected;
    if (!needle.isEmpty()) {
        for (int node = 0; node < index.nodeCount(); ++node) {
            if ((index.hasKey(node) && index.key(node).contains(needle, cs))
                || (!index.isContainer(node) && index.scalarText(node).contains(needle, cs)))
                expected += node;
        }
    }
    FUZZ_CHECK(index.find(needle, cs) == expected, shown + QStringLiteral(" needle ") + needle);
}

void checkModel(const std::shared_ptr<const JsonIndex>& index, const QString& shown)
{
    JsonTreeModel model;
    model.setIndex(index);
    FUZZ_CHECK(model.rowCount() == 1, shown);
    const int walked = std::min(index->nodeCount(), kMaxNodesWalked);
    for (int node = 0; node < walked; ++node) {
        for (int column = 0; column < JsonTreeModel::ColumnCount; ++column) {
            const QModelIndex cell = model.indexForNode(node, column);
            FUZZ_CHECK(cell.isValid() && model.nodeAt(cell) == node, shown);
            FUZZ_CHECK(model.index(cell.row(), column, model.parent(cell)) == cell, shown);
            FUZZ_CHECK(model.rowCount(cell) == (column == 0 ? index->childCount(node) : 0), shown);
            for (int role : {int(Qt::DisplayRole), int(Qt::ToolTipRole), int(JsonTreeModel::JsonPathRole),
                             int(JsonTreeModel::RawJsonRole), int(JsonTreeModel::NodeRole)})
                model.data(cell, role);
            model.flags(cell);
            model.copyText(cell);
        }
    }
    model.setIndex(nullptr);
    FUZZ_CHECK(model.rowCount() == 0, shown);
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv)
{
    fuzz::failOnQtMessages();
    static QCoreApplication app(*argc, *argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray text = fuzz::bytes(data, size);
    const QString shown = QString::fromUtf8(text.left(200));
    const qsizetype start = text.startsWith("\xEF\xBB\xBF") ? 3 : 0;
    const bool blank = text.mid(start).trimmed().isEmpty();

    const JsonIndexResult result = JsonIndex::build(text);
    FUZZ_CHECK(result.ok() == (!blank && !findSyntaxError(text, start)), shown);
    if (!result.ok()) {
        FUZZ_CHECK(!result.error.message.isEmpty(), shown);
        FUZZ_CHECK(result.error.offset >= 0 && result.error.offset <= text.size(), shown);
        return 0;
    }
    const JsonIndex& index = *result.index;
    FUZZ_CHECK(index.nodeCount() >= 1 && index.bytes() == text, shown);
    checkTree(index, shown);

    // Needles: a key or a value of the text itself (found), and its upper case (not always).
    const int pick = index.nodeCount() > 1 ? 1 + static_cast<int>(size % static_cast<size_t>(index.nodeCount() - 1))
                                           : 0;
    QString needle = index.hasKey(pick) ? index.key(pick).left(3) : index.scalarText(pick).left(3);
    if (!needle.isEmpty() && needle.back().isHighSurrogate()) // half a character is not a search
        needle.chop(1);
    checkFind(index, needle, Qt::CaseSensitive, shown);
    checkFind(index, needle.toUpper(), Qt::CaseInsensitive, shown);

    checkModel(result.index, shown);
    return 0;
}
