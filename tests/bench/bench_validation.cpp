// SPDX-License-Identifier: MIT
// Validation runs on every keystroke in the form, so it has to stay far below a frame.
// Run on demand: build-release/tests/bench/bench_validation
#include "core/request/requestcheck.h"
#include "core/request/requestcodec.h"
#include "core/request/validation.h"
#include "support/testdata.h"

#include <QJsonDocument>
#include <QTest>

using namespace tc;

namespace {

TaskRequest typicalTask()
{
    return checkRequestText(test::readExample(QStringLiteral("template-evaluation-project.json"))).request;
}

TaskRequest taskWithEvaluators(int count)
{
    TaskRequest request = typicalTask();
    const EvaluatorInput model = request.evaluators.first();
    request.evaluators.clear();
    for (int i = 0; i < count; ++i) {
        EvaluatorInput evaluator = model;
        // Distinct, well-formed IDs so that every evaluator goes through every check.
        evaluator.evaluatorId = QString::fromLatin1(
            QStringLiteral("Evaluator:%1:aBcD").arg(i + 1).toLatin1().toBase64());
        evaluator.queryFilter = QStringLiteral("span_kind = 'LLM' AND (latency_ms > %1)").arg(i);
        request.evaluators << evaluator;
    }
    return request;
}

} // namespace

class BenchValidation : public QObject
{
    Q_OBJECT
private slots:
    void validateTypicalTask();
    void validate200Evaluators();
    void checkTypicalBodyText();
    void writeTypicalBody();
    void baselineQtParseOnly();
    void check40000DuplicateEvaluators();
};

void BenchValidation::validateTypicalTask()
{
    const TaskRequest request = typicalTask();
    QVERIFY(validateTaskRequest(request).isEmpty());
    QBENCHMARK
    {
        const Diagnostics diagnostics = validateTaskRequest(request);
        Q_UNUSED(diagnostics);
    }
}

void BenchValidation::validate200Evaluators()
{
    const TaskRequest request = taskWithEvaluators(200);
    QVERIFY(validateTaskRequest(request).isEmpty());
    QBENCHMARK
    {
        const Diagnostics diagnostics = validateTaskRequest(request);
        Q_UNUSED(diagnostics);
    }
}

void BenchValidation::checkTypicalBodyText()
{
    // What Raw JSON mode does on each edit: parse, read, validate.
    const QByteArray text = test::readExample(QStringLiteral("template-evaluation-project.json"));
    QBENCHMARK
    {
        const RequestCheck check = checkRequestText(text);
        Q_UNUSED(check);
    }
}

void BenchValidation::writeTypicalBody()
{
    // What the live preview does on each edit.
    const TaskRequest request = typicalTask();
    QBENCHMARK
    {
        const QByteArray body = requestBodyText(request, EnumCasing::Lower);
        Q_UNUSED(body);
    }
}

void BenchValidation::baselineQtParseOnly()
{
    // The floor for comparison: what any client pays just to parse the same body with Qt.
    const QByteArray text = test::readExample(QStringLiteral("template-evaluation-project.json"));
    QBENCHMARK
    {
        const QJsonDocument document = QJsonDocument::fromJson(text);
        Q_UNUSED(document);
    }
}

void BenchValidation::check40000DuplicateEvaluators()
{
    // One finding per evaluator: the findings are de-duplicated, and that must stay linear
    // (a quadratic version took 29 s here; see requestcheck.cpp).
    TaskRequest request = typicalTask();
    request.evaluators = QList<EvaluatorInput>(40000, request.evaluators.first());
    const QByteArray body = requestBodyText(request, EnumCasing::Lower);
    QBENCHMARK_ONCE
    {
        const RequestCheck check = checkRequestText(body);
        QCOMPARE(check.diagnostics.size(), 39999);
    }
}

QTEST_GUILESS_MAIN(BenchValidation)
#include "bench_validation.moc"
