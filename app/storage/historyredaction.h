// SPDX-License-Identifier: MIT
#pragma once

#include "storage/historyrecord.h"

#include <QByteArray>
#include <QList>

namespace tc::storage {

// The mask shown where a credential was: eight dots, whatever the credential's length.
QByteArray credentialMask();

// True for a header or query parameter name that carries a credential: Authorization, Cookie,
// X-Api-Key, api_key, access_token, … (any name containing auth, key, token, secret, password,
// cookie, session, signature or credential, in any case). Masking a harmless one such as
// Idempotency-Key costs nothing; storing a key costs a great deal.
bool isCredentialName(QByteArrayView name);

// Takes every credential out of `record` before it is stored, whatever the caller did:
//  1. the value of every credential header (request and response) is masked, keeping an
//     Authorization scheme: "Bearer ••••••••";
//  2. credential query parameters and a password in the URL are masked the same way;
//  3. the values removed in 1 and 2, and `secrets` (the key the caller knows it used), are then
//     replaced by the mask wherever else they appear: the URL, both bodies, the response
//     headers, the reason, the error message, the task name and ID.
// A value shorter than 8 bytes is masked where it stands but not looked for elsewhere, so that
// a cookie such as "a=1" cannot rewrite every "a=1" in a body.
HistoryRecord redacted(HistoryRecord record, const QList<QByteArray>& secrets = {});

} // namespace tc::storage
