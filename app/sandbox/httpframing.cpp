// SPDX-License-Identifier: MIT
#include "sandbox/httpframing.h"

#include <limits>

namespace tc::sandbox {
namespace {

constexpr qsizetype kMaxChunkLineBytes = 1024; // a size in hex and any chunk extensions

bool isTokenChar(char c)
{
    // RFC 9110 §5.6.2 tchar.
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
}

bool isToken(QByteArrayView text)
{
    return !text.isEmpty() && std::all_of(text.begin(), text.end(), isTokenChar);
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// Digits only, as RFC 9110 §8.6 has it; a value past qint64 saturates (it is refused as too
// large, not wrapped into a small one).
std::optional<qint64> parseContentLength(QByteArrayView text)
{
    if (text.isEmpty())
        return std::nullopt;
    qint64 value = 0;
    for (const char c : text) {
        if (c < '0' || c > '9')
            return std::nullopt;
        const int digit = c - '0';
        value = value > (std::numeric_limits<qint64>::max() - digit) / 10 ? std::numeric_limits<qint64>::max()
                                                                          : value * 10 + digit;
    }
    return value;
}

} // namespace

HttpFraming::HttpFraming(qsizetype maxHeadBytes, qint64 maxBodyBytes, HeadCheck checkHead)
    : m_maxHeadBytes(maxHeadBytes),
      m_maxBodyBytes(maxBodyBytes),
      m_checkHead(std::move(checkHead))
{}

bool HttpFraming::inRequest() const
{
    return m_state != State::Refused && (m_state != State::Head || m_requestLineSeen || !m_line.isEmpty());
}

std::optional<HttpFraming::Refusal> HttpFraming::refuse(int status, const QString& detail)
{
    m_state = State::Refused;
    return Refusal{m_head, problemReply(status, detail)};
}

std::optional<HttpFraming::Refusal> HttpFraming::feed(QByteArrayView bytes)
{
    qsizetype i = 0;
    while (i < bytes.size() && m_state != State::Refused) {
        if (m_state == State::Body || m_state == State::ChunkData) {
            const qsizetype take = qsizetype(std::min<qint64>(m_remaining, bytes.size() - i));
            i += take;
            m_remaining -= take;
            if (m_remaining == 0) {
                if (m_state == State::Body)
                    completeRequest();
                else
                    m_state = State::ChunkEnd;
            }
            continue;
        }
        // Line by line: the head, a chunk's size, the end of a chunk, the trailers.
        const qsizetype newline = bytes.indexOf('\n', i);
        const qsizetype end = newline < 0 ? bytes.size() : newline + 1;
        const QByteArrayView piece = bytes.sliced(i, end - i);
        i = end;
        if (m_state == State::Head || m_state == State::Trailers) {
            m_headBytes += piece.size();
            if (m_headBytes > m_maxHeadBytes)
                return refuse(
                    431,
                    m_state == State::Head
                        ? QStringLiteral("the request's head is larger than %1 KB").arg(m_maxHeadBytes / 1024)
                        : QStringLiteral("the body's trailers are larger than %1 KB").arg(m_maxHeadBytes / 1024));
        } else if (m_line.size() + piece.size() > kMaxChunkLineBytes) {
            return refuse(400, QStringLiteral("a chunk's size line is longer than %1 bytes").arg(kMaxChunkLineBytes));
        }
        m_line.append(piece);
        if (newline < 0)
            break; // the rest of the line is still to come
        QByteArray line = std::exchange(m_line, QByteArray());
        line.chop(1);
        if (line.endsWith('\r'))
            line.chop(1);
        std::optional<Refusal> refused;
        switch (m_state) {
        case State::Head: refused = readHeadLine(line); break;
        case State::ChunkSize: refused = chunkSizeLine(line); break;
        case State::ChunkEnd:
            if (!line.isEmpty())
                return refuse(400, QStringLiteral("a chunk is longer than its size says"));
            m_state = State::ChunkSize;
            break;
        case State::Trailers:
            if (line.isEmpty())
                completeRequest();
            break;
        default: break;
        }
        if (refused)
            return refused;
    }
    return std::nullopt;
}

std::optional<HttpFraming::Refusal> HttpFraming::readHeadLine(const QByteArray& line)
{
    if (!m_requestLineSeen) {
        if (line.isEmpty())
            return std::nullopt; // RFC 9112 §2.2: empty lines before a request line are ignored
        const QList<QByteArray> parts = line.split(' ');
        if (parts.size() != 3 || !isToken(parts.at(0)) || parts.at(1).isEmpty() || !parts.at(2).startsWith("HTTP/1."))
            return refuse(400, QStringLiteral("not an HTTP/1.1 request line"));
        m_head.method = parts.at(0);
        m_head.target = parts.at(1);
        m_requestLineSeen = true;
        return std::nullopt;
    }
    if (line.isEmpty())
        return endOfHead();
    const qsizetype colon = line.indexOf(':');
    if (line.startsWith(' ') || line.startsWith('\t'))
        return refuse(400, QStringLiteral("a header line is folded onto the one before (RFC 9112 §5.2)"));
    if (colon <= 0 || !isToken(QByteArrayView(line).first(colon)))
        return refuse(400, QStringLiteral("a header line is not \"Name: value\""));
    const QByteArray name = line.first(colon).toLower();
    const QByteArray value = line.sliced(colon + 1).trimmed();
    if (name == "authorization") {
        ++m_authorizationCount;
        m_head.authorization = value;
    } else if (name == "content-length") {
        const std::optional<qint64> length = parseContentLength(value);
        if (!length || (m_head.contentLength && *m_head.contentLength != *length))
            return refuse(400, QStringLiteral("Content-Length: must be one number of bytes"));
        m_head.contentLength = length;
    } else if (name == "transfer-encoding") {
        if (m_transferEncoding)
            return refuse(400, QStringLiteral("Transfer-Encoding: give it once"));
        m_transferEncoding = true;
        m_head.chunked = value.compare("chunked", Qt::CaseInsensitive) == 0;
        if (!m_head.chunked)
            return refuse(501, QStringLiteral("Transfer-Encoding: only chunked is supported"));
    }
    return std::nullopt;
}

std::optional<HttpFraming::Refusal> HttpFraming::endOfHead()
{
    if (m_authorizationCount > 1)
        return refuse(400, QStringLiteral("Authorization: give it once"));
    if (m_head.chunked && m_head.contentLength)
        return refuse(400, QStringLiteral("give Content-Length or Transfer-Encoding, not both (RFC 9112 §6.1)"));
    // The token before anything about the body: a client without it learns nothing more.
    if (m_checkHead) {
        if (std::optional<SandboxReply> refused = m_checkHead(m_head)) {
            m_state = State::Refused;
            return Refusal{m_head, *refused};
        }
    }
    if (m_head.contentLength.value_or(0) > m_maxBodyBytes)
        return refuse(413, QStringLiteral("the body is larger than %1 bytes").arg(m_maxBodyBytes));
    if (m_head.chunked) {
        m_state = State::ChunkSize;
        m_bodyBytes = 0;
    } else if (m_head.contentLength.value_or(0) > 0) {
        m_state = State::Body;
        m_remaining = *m_head.contentLength;
    } else {
        completeRequest();
    }
    return std::nullopt;
}

std::optional<HttpFraming::Refusal> HttpFraming::chunkSizeLine(const QByteArray& line)
{
    const qsizetype semicolon = line.indexOf(';');
    const QByteArray digits = (semicolon < 0 ? line : line.first(semicolon)).trimmed();
    if (digits.isEmpty())
        return refuse(400, QStringLiteral("a chunk's size is not a hexadecimal number"));
    qint64 size = 0;
    const qint64 room = m_maxBodyBytes - m_bodyBytes;
    for (const char c : digits) {
        const int digit = hexValue(c);
        if (digit < 0)
            return refuse(400, QStringLiteral("a chunk's size is not a hexadecimal number"));
        size = size * 16 + digit; // never past 16 × room: it stops as soon as it passes room
        if (size > room)
            return refuse(413, QStringLiteral("the body is larger than %1 bytes").arg(m_maxBodyBytes));
    }
    if (size == 0) {
        m_state = State::Trailers;
        m_headBytes = 0;
        return std::nullopt;
    }
    m_bodyBytes += size;
    m_remaining = size;
    m_state = State::ChunkData;
    return std::nullopt;
}

void HttpFraming::completeRequest()
{
    ++m_completed;
    m_state = State::Head;
    m_head = RequestHead();
    m_requestLineSeen = false;
    m_authorizationCount = 0;
    m_transferEncoding = false;
    m_headBytes = 0;
}

} // namespace tc::sandbox
