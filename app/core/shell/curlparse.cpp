// SPDX-License-Identifier: MIT
// Reading a pasted curl command. The shell part (quotes, here-documents) is in shellwords.cpp.
#include "core/shell/curlparse.h"

#include "core/shell/curlcommand.h"
#include "core/shell/shellwords.h"

#include <QStringList>
#include <QUrl>

namespace tc {

namespace {

// What an option does to the request we read. Anything that takes a value but does not change
// the method, URL, headers or body is Skip: its value must be stepped over, not read as the URL.
enum class Action {
    Flag,
    Skip,
    Request,
    Url,
    Header,
    Data,
    DataRaw,
    DataUrlencode,
    Json,
    Get,
    Head,
    OAuth2Bearer,
    UrlQuery,
    Form,
    UploadFile,
    Config
};

bool takesValue(Action action)
{
    return action != Action::Flag && action != Action::Get && action != Action::Head;
}

// curl 8.x, from its manual. An option missing here is taken for a flag.
Action actionOf(QStringView name)
{
    if (name.startsWith(QLatin1String("expand-"))) // curl 8.3: --expand-data etc. ({{variables}})
        name = name.mid(7);
    static const std::pair<QLatin1String, Action> known[] = {
        {QLatin1String("request"), Action::Request},    {QLatin1String("url"), Action::Url},
        {QLatin1String("header"), Action::Header},      {QLatin1String("data"), Action::Data},
        {QLatin1String("data-ascii"), Action::Data},    {QLatin1String("data-binary"), Action::Data},
        {QLatin1String("data-raw"), Action::DataRaw},   {QLatin1String("data-urlencode"), Action::DataUrlencode},
        {QLatin1String("json"), Action::Json},          {QLatin1String("get"), Action::Get},
        {QLatin1String("head"), Action::Head},          {QLatin1String("oauth2-bearer"), Action::OAuth2Bearer},
        {QLatin1String("url-query"), Action::UrlQuery}, {QLatin1String("form"), Action::Form},
        {QLatin1String("form-string"), Action::Form},   {QLatin1String("upload-file"), Action::UploadFile},
        {QLatin1String("config"), Action::Config}};
    for (const auto& [spelling, action] : known) {
        if (name == spelling)
            return action;
    }
    static const QStringList skipped =
        QStringLiteral(
            "abstract-unix-socket alt-svc aws-sigv4 cacert capath cert cert-type ciphers connect-timeout connect-to "
            "continue-at cookie cookie-jar create-file-mode crlfile curves delegation dns-interface dns-ipv4-addr "
            "dns-ipv6-addr dns-servers doh-url dump-header ech egd-file engine etag-compare etag-save "
            "expect100-timeout ftp-account ftp-alternative-to-user ftp-method ftp-port ftp-ssl-ccc-mode "
            "happy-eyeballs-timeout-ms haproxy-clientip hostpubmd5 hostpubsha256 hsts interface ip-tos "
            "ipfs-gateway keepalive-cnt keepalive-time key key-type knownhosts krb libcurl limit-rate local-port "
            "login-options mail-auth mail-from mail-rcpt max-filesize max-redirs max-time netrc-file noproxy output "
            "output-dir parallel-max pass pinnedpubkey preproxy proto proto-default proto-redir proxy proxy-cacert "
            "proxy-capath proxy-cert proxy-cert-type proxy-ciphers proxy-crlfile proxy-header proxy-key "
            "proxy-key-type proxy-pass proxy-pinnedpubkey proxy-service-name proxy-tls13-ciphers "
            "proxy-tlsauthtype proxy-tlspassword proxy-tlsuser proxy-user proxy1.0 pubkey quote random-file range "
            "rate referer request-target resolve retry retry-delay retry-max-time sasl-authzid service-name "
            "sigalgs socks4 socks4a socks5 socks5-gssapi-service socks5-hostname speed-limit speed-time "
            "ssl-sessions stderr telnet-option tftp-blksize time-cond tls-max tls13-ciphers tlsauthtype "
            "tlspassword tlsuser trace trace-ascii trace-config unix-socket upload-flags user user-agent variable "
            "vlan-priority write-out")
            .split(QLatin1Char(' '));
    return skipped.contains(name) ? Action::Skip : Action::Flag;
}

// The short options that take a value, and -G/-I; every other letter is a flag.
QString longNameOf(QChar letter)
{
    static const QString letters = QStringLiteral("AbcCdDeEFHKmoPQrtTuUwxXyYzGI");
    static const QStringList names =
        QStringLiteral(
            "user-agent cookie cookie-jar continue-at data dump-header referer cert form header config max-time "
            "output ftp-port quote range telnet-option upload-file user proxy-user write-out proxy request "
            "speed-time speed-limit time-cond get head")
            .split(QLatin1Char(' '));
    const qsizetype index = letters.indexOf(letter);
    return index < 0 ? QString() : names.at(index);
}

bool isCurl(const QString& word)
{
    const QString program = word.section(QLatin1Char('/'), -1).section(QLatin1Char('\\'), -1);
    return program == QLatin1String("curl") || program.compare(QLatin1String("curl.exe"), Qt::CaseInsensitive) == 0;
}

QString shortened(const QString& text)
{
    return text.size() <= 40 ? text : text.left(39) + QChar(0x2026);
}

// --data-urlencode and --url-query: "content", "=content" and "name=content" encode the content;
// "name@file" reads a file. --url-query's "+content" is taken as already encoded.
std::optional<QByteArray> urlEncoded(const QString& value, bool plusMeansRaw)
{
    if (plusMeansRaw && value.startsWith(QLatin1Char('+')))
        return value.mid(1).toUtf8();
    qsizetype separator = 0;
    while (separator < value.size() && value.at(separator) != QLatin1Char('=')
           && value.at(separator) != QLatin1Char('@'))
        ++separator;
    if (separator == value.size())
        return QUrl::toPercentEncoding(value);
    if (value.at(separator) == QLatin1Char('@'))
        return std::nullopt;
    const QByteArray content = QUrl::toPercentEncoding(value.mid(separator + 1));
    return separator == 0 ? content : value.left(separator).toUtf8() + '=' + content;
}

class CurlReader
{
public:
    explicit CurlReader(const ShellCommand& command) : m_command(command) {}
    ParsedCurl read();

private:
    bool fail(const QString& message)
    {
        m_result.error = message;
        return false;
    }
    bool apply(Action action, const QString& option, const QString& value);
    std::optional<QByteArray> dataFrom(const QString& option, const QString& value);
    bool hasHeader(const QString& name) const;

    const ShellCommand& m_command;
    ParsedCurl m_result;
    QStringList m_urls;
    QString m_method;
    QList<DataPiece> m_data;
    QByteArrayList m_urlQuery;
    bool m_get = false;
    bool m_head = false;
    bool m_json = false;
};

ParsedCurl CurlReader::read()
{
    const QStringList& words = m_command.words;
    for (qsizetype i = 1; i < words.size(); ++i) {
        const QString& word = words.at(i);
        const auto valueAfter = [&](const QString& option, QString& value) {
            if (i + 1 < words.size()) {
                value = words.at(++i);
                return true;
            }
            return fail(QStringLiteral("'%1' needs a value after it").arg(option));
        };
        if (word.startsWith(QLatin1String("--")) && word.size() > 2) {
            QString option = word;
            QString value;
            bool hasValue = false;
            const qsizetype equals = word.indexOf(QLatin1Char('='));
            if (equals > 2 && takesValue(actionOf(QStringView(word).mid(2, equals - 2)))) { // --data=…
                option = word.left(equals);
                value = word.mid(equals + 1);
                hasValue = true;
            }
            const Action action = actionOf(QStringView(option).mid(2));
            if (takesValue(action) && !hasValue && !valueAfter(option, value))
                return m_result;
            if (!apply(action, option, value))
                return m_result;
        } else if (word.startsWith(QLatin1Char('-')) && word.size() > 1) {
            // A cluster of letters: "-sSL", "-XPOST", "-sd{…}". The first one that takes a value
            // takes the rest of the word, or the next word.
            for (qsizetype k = 1; k < word.size(); ++k) {
                const QString name = longNameOf(word.at(k));
                const Action action = name.isEmpty() ? Action::Flag : actionOf(name);
                const QString option = QLatin1Char('-') + word.at(k);
                QString value;
                if (takesValue(action)) {
                    if (k + 1 < word.size())
                        value = word.mid(k + 1);
                    else if (!valueAfter(option, value))
                        return m_result;
                    k = word.size();
                }
                if (!apply(action, option, value))
                    return m_result;
            }
        } else {
            m_urls << word;
        }
    }

    if (m_urls.isEmpty()) {
        fail(QStringLiteral("the command has no URL"));
        return m_result;
    }
    if (m_urls.size() > 1) {
        fail(QStringLiteral("the command has more than one URL ('%1'): only one request can be read")
                 .arg(m_urls.join(QLatin1String("', '"))));
        return m_result;
    }
    QString url = m_urls.first();

    std::optional<QByteArray> body = joinedData(m_data);
    if (m_get && body) { // -G: the data becomes the query string
        m_urlQuery.prepend(*body);
        body.reset();
    }
    if (!m_urlQuery.isEmpty())
        url += (url.contains(QLatin1Char('?')) ? QLatin1Char('&') : QLatin1Char('?'))
            + QString::fromUtf8(m_urlQuery.join('&'));

    m_result.url = url;
    m_result.body = body;
    if (!m_method.isEmpty())
        m_result.method = m_method;
    else
        m_result.method = m_head ? QStringLiteral("HEAD") : body ? QStringLiteral("POST") : QStringLiteral("GET");
    if (m_json) { // what --json adds unless the command sets it itself
        if (!hasHeader(QStringLiteral("Content-Type")))
            m_result.headers.append({QStringLiteral("Content-Type"), QStringLiteral("application/json")});
        if (!hasHeader(QStringLiteral("Accept")))
            m_result.headers.append({QStringLiteral("Accept"), QStringLiteral("application/json")});
    }
    return m_result;
}

bool CurlReader::apply(Action action, const QString& option, const QString& value)
{
    switch (action) {
    case Action::Flag:
    case Action::Skip: return true;
    case Action::Request: m_method = value; return true;
    case Action::Url: m_urls << value; return true;
    case Action::Get: m_get = true; return true;
    case Action::Head: m_head = true; return true;
    case Action::OAuth2Bearer:
        m_result.headers.append({QStringLiteral("Authorization"), QStringLiteral("Bearer ") + value});
        return true;
    case Action::Header: {
        if (value.startsWith(QLatin1Char('@')))
            return fail(QStringLiteral("'%1 %2' reads headers from the file '%3', which is not part of the pasted text")
                            .arg(option, value, value.mid(1)));
        const qsizetype colon = value.indexOf(QLatin1Char(':'));
        if (colon > 0) {
            m_result.headers.append({value.left(colon).trimmed(), value.mid(colon + 1).trimmed()});
        } else if (value.endsWith(QLatin1Char(';')) && value.size() > 1) { // curl's "Name;": empty value
            m_result.headers.append({value.chopped(1).trimmed(), QString()});
        } else {
            return fail(
                QStringLiteral("the header '%1' has no ':' between its name and its value").arg(shortened(value)));
        }
        return true;
    }
    case Action::Data:
    case Action::Json: {
        const std::optional<QByteArray> data = dataFrom(option, value);
        if (!data)
            return false;
        m_data.append({*data, action == Action::Json});
        m_json = m_json || action == Action::Json;
        return true;
    }
    case Action::DataRaw: m_data.append({value.toUtf8()}); return true;
    case Action::DataUrlencode:
    case Action::UrlQuery: {
        const std::optional<QByteArray> encoded = urlEncoded(value, action == Action::UrlQuery);
        if (!encoded)
            return fail(
                QStringLiteral("'%1 %2' reads a file, which is not part of the pasted text").arg(option, value));
        if (action == Action::UrlQuery)
            m_urlQuery << *encoded;
        else
            m_data.append({*encoded});
        return true;
    }
    case Action::Form:
        return fail(QStringLiteral("'%1' sends a multipart form, which cannot be read as a request body; the API "
                                   "expects JSON (--data)")
                        .arg(option));
    case Action::UploadFile:
        return fail(QStringLiteral("'%1 %2' uploads a file, which is not part of the pasted text").arg(option, value));
    case Action::Config:
        return fail(QStringLiteral("'%1 %2' reads more options from a file, which is not part of the pasted text")
                        .arg(option, value));
    }
    return true;
}

// "@-" is standard input, that is, the here-document; "@name" a file; anything else the data.
std::optional<QByteArray> CurlReader::dataFrom(const QString& option, const QString& value)
{
    if (!value.startsWith(QLatin1Char('@')))
        return value.toUtf8();
    const QString file = value.mid(1);
    if (file != QLatin1String("-")) {
        fail(QStringLiteral("'%1 %2' reads the body from the file '%3', which is not part of the pasted text; "
                            "paste the body itself, for example with '%1 @- <<'EOF'' and the body on the "
                            "lines after it")
                 .arg(option, value, file));
        return std::nullopt;
    }
    if (!m_command.inputFile.isEmpty()) {
        fail(QStringLiteral("'%1 @-' reads the body from the file '%2' (< %2), which is not part of the pasted text")
                 .arg(option, m_command.inputFile));
        return std::nullopt;
    }
    if (!m_command.standardInput) {
        fail(QStringLiteral("'%1 @-' reads the body from standard input, but no here-document (<<EOF … EOF) "
                            "follows the command")
                 .arg(option));
        return std::nullopt;
    }
    // The newline that ends the here-document's last line is the shell's, not the body's.
    QByteArray data = m_command.standardInput->toUtf8();
    if (data.endsWith('\n'))
        data.chop(1);
    return data;
}

bool CurlReader::hasHeader(const QString& name) const
{
    for (const auto& header : m_result.headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

// A terminal transcript: "$ " (or zsh's "% ") before the command, "> " before each line the
// shell asked to continue, and the command's output after it. `isTranscript` says whether a
// prompt was found.
QString withoutPrompts(const QString& text, bool& isTranscript)
{
    isTranscript = false;
    QString unixText = text;
    // A Windows clipboard turns every line end into CRLF. Only then are the CRs dropped: with
    // mixed line ends, a CR is part of a here-document's body.
    const qsizetype lineEnds = text.count(QLatin1Char('\n'));
    if (lineEnds > 0 && text.count(QLatin1String("\r\n")) == lineEnds)
        unixText.replace(QLatin1String("\r\n"), QLatin1String("\n"));
    QStringList lines = unixText.split(QLatin1Char('\n'));
    qsizetype first = 0;
    while (first < lines.size() && lines.at(first).trimmed().isEmpty())
        ++first;
    if (first == lines.size())
        return unixText;
    qsizetype indent = 0;
    while (lines.at(first).at(indent).isSpace())
        ++indent;
    const QString start = lines.at(first).mid(indent);
    if (!start.startsWith(QLatin1String("$ ")) && !start.startsWith(QLatin1String("% ")))
        return unixText;
    isTranscript = true;
    lines[first] = start.mid(2);
    for (qsizetype i = first + 1; i < lines.size(); ++i) {
        if (lines.at(i) == QLatin1String(">"))
            lines[i].clear();
        else if (lines.at(i).startsWith(QLatin1String("> ")))
            lines[i].remove(0, 2);
        else
            break;
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace

std::optional<QByteArray> joinedData(const QList<DataPiece>& pieces)
{
    if (pieces.isEmpty())
        return std::nullopt;
    qsizetype size = pieces.size();
    for (const DataPiece& piece : pieces)
        size += piece.bytes.size();
    QByteArray body;
    body.reserve(size);
    for (qsizetype i = 0; i < pieces.size(); ++i) {
        if (i > 0 && !(pieces.at(i).json && pieces.at(i - 1).json))
            body += '&';
        body += pieces.at(i).bytes;
    }
    return body;
}

ParsedCurl parseCurlCommand(const QString& text)
{
    bool isTranscript = false;
    const QString commandText = withoutPrompts(text, isTranscript);
    const ShellCommand command = splitShellCommand(commandText,
                                                   isTranscript ? TextAfterCommand::Ignore : TextAfterCommand::Error);
    ParsedCurl result;
    if (!command.error.isEmpty())
        result.error = command.error;
    else if (command.words.isEmpty())
        result.error = QStringLiteral("there is no command in the text: paste a curl command");
    else if (!isCurl(command.words.first()))
        result.error =
            QStringLiteral("this is not a curl command: it starts with '%1'").arg(shortened(command.words.first()));
    else
        result = CurlReader(command).read();
    return result;
}

} // namespace tc
