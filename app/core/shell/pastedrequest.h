// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace tc {

// What a paste holds: a curl command (its --data body is the request) or a JSON body.
struct PastedRequest
{
    std::optional<QByteArray> body;
    QString origin; // "curl command" or "JSON", for messages
    QString error;  // why nothing could be taken from the paste
};

PastedRequest readPastedRequest(const QString& text);

} // namespace tc
