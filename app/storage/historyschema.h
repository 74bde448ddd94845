// SPDX-License-Identifier: MIT
#pragma once

// The history's tables, one version per PRAGMA user_version, and the steps between them.
//
// Version 1, the first layout: one table, `submissions`, with id, sent_at (ms since the epoch,
// UTC), method, url, request_body, status, outcome, elapsed_ms, response_body (whole) and
// error_message; an index on sent_at.
//
// Version 2, the current one, adds: profile, reason, request_headers and response_headers (JSON
// arrays of [name, value], credentials masked), response_size (bytes as received) and
// response_truncated (bodies may now be cut at a limit), task_id and task_name (searchable
// without reading bodies); an index on task_id. Rows from version 1 get profile "" (it was not
// recorded), response_size = the length of their body and response_truncated = 0 (version 1 kept
// bodies whole), and the task's name and ID read from their bodies as record() would.

#include <QSqlDatabase>
#include <QSqlError>

#include <optional>

namespace tc::storage::schema {

constexpr int kCurrentVersion = 2;

// Brings `database` from version `from` to kCurrentVersion, one step at a time, and writes each
// new version. Runs inside the caller's transaction: any failure leaves the file as it was.
std::optional<QSqlError> migrate(QSqlDatabase& database, int from);

} // namespace tc::storage::schema
