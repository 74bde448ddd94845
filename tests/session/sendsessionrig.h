// SPDX-License-Identifier: MIT
#pragma once

// What tst_sendsession and tst_historysecrets share: a window's sessions (document, connection,
// send) over settings of their own, scripted answers, and the key they send with.

#include "core/request/requestcheck.h"
#include "net/tasksubmitter.h"
#include "session/connectionsession.h"
#include "session/document.h"
#include "session/preferences.h"
#include "session/sendsession.h"
#include "support/fakehttpserver.h"
#include "support/manualexecutor.h"
#include "support/testdata.h"

#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QSettings>
#include <QTcpServer>
#include <QTemporaryDir>

namespace tc::test::sendrig {

using tc::session::ConnectionSession;
using tc::session::Document;
using tc::session::SendSession;

inline QString str(const char* text)
{
    return QString::fromUtf8(text);
}

const QString kKey = str("ak-send-SECRET-0042");
const QString kSandboxToken = str("sandbox-token-77");

inline ScriptedResponse answer(int status, const QByteArray& reason, const QByteArray& body,
                               test::FakeHeaderList extra = {})
{
    ScriptedResponse response;
    response.status = status;
    response.reason = reason;
    response.headers = extra;
    response.headers.append(
        {QByteArray("Content-Type"), QByteArray(status < 300 ? "application/json" : "application/problem+json")});
    response.body = body;
    return response;
}

const ScriptedResponse kCreated = answer(201, "Created",
                                         R"({"id":"VGFzazox","name":"Production Hallucination Check"})");
const ScriptedResponse kNotFound = answer(
    404, "Not Found",
    R"({"status":404,"title":"Resource not found","detail":"evaluators[0].evaluator_id: evaluator not found"})");

// Everything a window holds for sending, over settings and a history of its own.
struct Rig
{
    QTemporaryDir dir;
    tc::testing::ManualExecutor executor;
    session::Preferences preferences{
        std::make_unique<QSettings>(dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat)};
    QNetworkAccessManager network;
    ConnectionSession connection{&preferences, QString(), dir.filePath(QStringLiteral("data"))};
    Document document{nullptr, &executor};
    SendSession send{&network, &document, &connection};

    Rig()
    {
        network.setProxy(QNetworkProxy(QNetworkProxy::NoProxy));
        connection.start();
        document.formRead(
            checkRequestText(test::readExample(QStringLiteral("template-evaluation-project.json"))).request, {}, true);
    }
    void pointAt(const QUrl& url, const QString& key = kKey, int timeoutMs = 10'000)
    {
        Connection chosen = connection.connection();
        chosen.baseUrl = url;
        chosen.apiKey = key;
        chosen.timeoutMs = timeoutMs;
        connection.setConnection(chosen);
    }
    void runSandboxAt(const QUrl& url)
    {
        Connection sandbox;
        sandbox.baseUrl = url;
        sandbox.apiKey = kSandboxToken;
        connection.sandboxStarting();
        connection.setSandbox(sandbox);
        connection.switchTo(storage::Profile::sandboxId());
    }
};

// An address on this machine where nothing listens.
inline QUrl closedPort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost))
        qFatal("no free port on 127.0.0.1");
    const quint16 port = probe.serverPort();
    probe.close();
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
}

} // namespace tc::test::sendrig
