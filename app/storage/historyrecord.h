// SPDX-License-Identifier: MIT
#pragma once

// The plain values the history is made of. Storage knows nothing of the network layer: the
// caller turns what it sent and got back into a HistoryRecord (see app/session/historyconversion.h).

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>
#include <utility>

namespace tc::storage {

using HistoryHeaders = QList<std::pair<QByteArray, QByteArray>>;

// One submission as it is handed to the store. Credentials need not be removed by the caller:
// the store masks them itself before anything reaches the disk (see historyredaction.h).
struct HistoryRecord
{
    QDateTime sentAt; // kept in UTC, to the millisecond; invalid means "now"
    QString profile;  // the connection profile's name
    QByteArray method;
    QString url;
    HistoryHeaders requestHeaders;
    QByteArray requestBody; // kept whole: re-sending and cloning need it exactly
    int status = 0;         // HTTP status, 0 when no answer came
    QString reason;         // the status line's reason phrase
    // success, unreadable (a 2xx whose body could not be read), http_error, transport_error,
    // timed_out, cancelled, refused
    QString outcome;
    qint64 elapsedMs = 0;
    HistoryHeaders responseHeaders;
    QByteArray responseBody; // kept up to the store's limit (1 MB by default)
    QString errorMessage;    // why it failed, for a person
    QString taskId;          // filled in by the store from a created task when empty
    QString taskName;        // filled in by the store from the request body when empty
};

// A stored record. list() leaves the bodies and headers out (a page of a thousand 1 MB answers
// should not be read to draw a table); get() and the export bring everything.
struct HistoryEntry
{
    qint64 id = 0;
    HistoryRecord record;
    qint64 responseSize = 0;        // bytes as received, whatever was kept
    bool responseTruncated = false; // the body kept is the first part only (see HistoryStore::Options)
    bool complete = false;          // bodies and headers are filled in
};

// Which statuses to show: any, one code ("404"), a class ("4xx"), or no answer at all ("failed":
// status 0, as after a timeout or a refused connection).
struct StatusFilter
{
    enum class Kind { Any, Exact, Class, NoAnswer };
    Kind kind = Kind::Any;
    int value = 0; // the code for Exact, the first digit for Class

    // "", "any", "201", "2xx" … "5xx", "failed"; nullopt for anything else.
    static std::optional<StatusFilter> parse(const QString& text);
};

struct HistoryQuery
{
    // Matched, case-insensitively for ASCII, as a plain substring ('%' and '_' mean themselves)
    // against the task name and ID, the profile, the URL, the error and both bodies.
    QString text;
    StatusFilter status;
    QStringList outcomes; // any of these; empty: all
    int limit = 100;      // clamped to 1 … 10,000
    int offset = 0;
};

// Why the history could not do what was asked. Every message names the file and says what the
// user can do; none of them proposes to delete anything.
struct HistoryError
{
    enum class Kind {
        NotOpen,      // open() was not called or did not succeed
        NotADatabase, // the file is damaged or is something else (random bytes, another program's)
        Locked,       // another program held the database longer than the busy timeout
        Unwritable,   // the folder or file cannot be created or written
        NewerSchema,  // written by a newer Task Composer: left alone, nothing read
        NotFound,     // no entry with that id
        Failed,       // anything else SQLite reported (disk full, I/O error)
    };
    Kind kind = Kind::Failed;
    QString message;
};

// A value or the reason there is none. C++17 has no std::expected.
template<typename T>
struct HistoryResult
{
    std::optional<T> value;
    HistoryError error; // meaningful only when there is no value

    bool ok() const { return value.has_value(); }
    static HistoryResult failure(HistoryError error) { return {std::nullopt, std::move(error)}; }
};

// The outcome words a record may carry, in the order the UI offers them.
QStringList historyOutcomes();

} // namespace tc::storage
