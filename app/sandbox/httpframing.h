// SPDX-License-Identifier: MIT
#pragma once

#include "sandbox/sandboxhttp.h"

#include <QByteArray>
#include <QByteArrayView>

#include <functional>
#include <optional>

namespace tc::sandbox {

// What the sandbox needs to know of a request before its body is read.
struct RequestHead
{
    QByteArray method;
    QByteArray target; // as sent: path and query
    QByteArray authorization;
    std::optional<qint64> contentLength;
    bool chunked = false;
};

// The message framing of one HTTP/1.1 connection, byte by byte, so that a request can be refused
// on its head alone: the head is bounded, then `checkHead` has its say (the token), then the
// body's announced size is held to the limit, and a chunked body is counted as it arrives. It
// keeps only the head it is reading, never a body. A pure state machine: no sockets.
class HttpFraming
{
public:
    using HeadCheck = std::function<std::optional<SandboxReply>(const RequestHead&)>;
    HttpFraming(qsizetype maxHeadBytes, qint64 maxBodyBytes, HeadCheck checkHead = {});

    struct Refusal
    {
        RequestHead head; // as far as it was read (the method and target, for the log)
        SandboxReply reply;
    };
    // The next bytes of the stream. A refusal ends the stream: nothing after it is looked at.
    std::optional<Refusal> feed(QByteArrayView bytes);

    // Inside a request: some of it has arrived, not all.
    bool inRequest() const;
    int requestsCompleted() const { return m_completed; }

private:
    enum class State { Head, Body, ChunkSize, ChunkData, ChunkEnd, Trailers, Refused };

    std::optional<Refusal> refuse(int status, const QString& detail);
    std::optional<Refusal> endOfHead();
    std::optional<Refusal> readHeadLine(const QByteArray& line);
    std::optional<Refusal> chunkSizeLine(const QByteArray& line);
    void completeRequest();

    qsizetype m_maxHeadBytes;
    qint64 m_maxBodyBytes;
    HeadCheck m_checkHead;

    State m_state = State::Head;
    QByteArray m_line;         // the line being read (head, chunk size, trailer)
    qsizetype m_headBytes = 0; // of the head (or trailers) so far
    bool m_requestLineSeen = false;
    int m_authorizationCount = 0;
    bool m_transferEncoding = false;
    RequestHead m_head;
    qint64 m_remaining = 0; // of the body, or of the current chunk
    qint64 m_bodyBytes = 0; // of a chunked body so far
    int m_completed = 0;
};

} // namespace tc::sandbox
