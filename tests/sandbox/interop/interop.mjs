#!/usr/bin/env node
// SPDX-License-Identifier: MIT
//
// Interoperability test: Arize's official TypeScript client, @arizeai/ax-client 1.28.0,
// against the Task Composer sandbox.
//
//   node tests/sandbox/interop/interop.mjs build-dev/app/taskcomposer
//
// Starts `taskcomposer sandbox --port 0 --token <random> --run-seconds 0.5`, drives it through
// the client's documented helpers (createEvaluationTask, createRunExperimentTask, listTasks,
// getTask, updateTask, triggerTaskRun, waitForTaskRun, getTaskRun, listTaskRuns, cancelTaskRun,
// deleteTask, the picker lists) and its typed raw calls (client.GET/POST/DELETE) where a helper
// does not exist or hides the HTTP status. Prints one TAP-like line per check and exits 0 only
// when every check passed. Talks to 127.0.0.1 only; the sandbox is always stopped at the end.

import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { isDeepStrictEqual } from "node:util";

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, "../../..");
const CLIENT_VERSION = "1.28.0";
const STARTUP_TIMEOUT_MS = 10_000;
const REQUEST_TIMEOUT_MS = 8_000;
const RUN_TIMEOUT_MS = 15_000;
const WATCHDOG_MS = 50_000;
const RUN_SECONDS = "0.5";

// ---------------------------------------------------------------------------------------------
// Reporting

let passed = 0;
let failed = 0;

const oneLine = (text) => String(text).replace(/\s+/g, " ").trim().slice(0, 400);

function pass(what) {
    passed++;
    console.log(`ok - ${what}`);
}

function fail(what, why) {
    failed++;
    console.log(`not ok - ${what}: ${oneLine(why)}`);
}

// Runs one check. Returns the function's value (or true), or null when the check failed.
async function check(what, fn) {
    try {
        const value = await fn();
        pass(typeof what === "function" ? what(value) : what);
        return value ?? true;
    } catch (error) {
        const name = typeof what === "function" ? what(undefined) : what;
        let why = error instanceof Error ? error.message || error.name : String(error);
        if (error?.cause) why += ` (${error.cause.code ?? ""} ${error.cause.message ?? error.cause})`;
        fail(name, why);
        return null;
    }
}

class CheckError extends Error {}

function expect(condition, message) {
    if (!condition) throw new CheckError(message);
}

const show = (value) => {
    const text = JSON.stringify(value);
    return text === undefined ? String(value) : text.length > 200 ? `${text.slice(0, 200)}…` : text;
};

function expectEqual(actual, expected, label) {
    expect(isDeepStrictEqual(actual, expected), `${label} is ${show(actual)}, expected ${show(expected)}`);
}

// Every field of `expected` comes back equal in `actual` (extra fields allowed).
function expectSubset(actual, expected, label) {
    if (expected !== null && typeof expected === "object" && !Array.isArray(expected)) {
        expect(actual !== null && typeof actual === "object" && !Array.isArray(actual),
               `${label} is ${show(actual)}, expected an object`);
        for (const [key, value] of Object.entries(expected)) {
            expectSubset(actual[key], value, `${label}.${key}`);
        }
    } else if (Array.isArray(expected)) {
        expect(Array.isArray(actual) && actual.length === expected.length,
               `${label} is ${show(actual)}, expected ${show(expected)}`);
        expected.forEach((value, i) => expectSubset(actual[i], value, `${label}[${i}]`));
    } else {
        expectEqual(actual, expected, label);
    }
}

function need(value, what) {
    if (value === null || value === undefined) throw new CheckError(`skipped: needs ${what}, which failed earlier`);
    return value;
}

// ---------------------------------------------------------------------------------------------
// The client, installed by `npm ci` next to this file

const clientPackage = join(HERE, "node_modules", "@arizeai", "ax-client", "package.json");
{
    const hint = "run packaging/setup.sh deps (npm ci in tests/sandbox/interop)";
    if (!existsSync(clientPackage)) {
        fail(`@arizeai/ax-client ${CLIENT_VERSION} is installed`, `${join(HERE, "node_modules")} is missing; ${hint}`);
        process.exit(1);
    }
    const installed = JSON.parse(readFileSync(clientPackage, "utf8")).version;
    if (installed !== CLIENT_VERSION) {
        fail(`@arizeai/ax-client ${CLIENT_VERSION} is installed`, `found version ${installed}; ${hint}`);
        process.exit(1);
    }
}

const binary = process.argv[2];
if (!binary) {
    console.error("usage: node interop.mjs PATH/TO/taskcomposer");
    process.exit(2);
}

// The client's one-time "beta API" warnings are noise here.
process.env.DISABLE_PRERELEASE_WARNING = "true";
// Nothing from the environment may redirect the client (createClient's options win anyway).
delete process.env.ARIZE_BASE_URL;
delete process.env.ARIZE_API_KEY;

const ax = await import("@arizeai/ax-client");

// Every request goes through this fetch: 127.0.0.1 only, with a timeout, and counted.
const realFetch = globalThis.fetch;
let requestsSent = 0;
globalThis.fetch = (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (url.hostname !== "127.0.0.1") {
        return Promise.reject(new Error(`refused to contact ${url.origin}: this test talks to 127.0.0.1 only`));
    }
    requestsSent++;
    return realFetch(input, { ...(init ?? {}), signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
};

// ---------------------------------------------------------------------------------------------
// The sandbox child

let child = null;
let sandboxReady = false; // the sandbox printed its address
let childExit = null; // Promise<{code, signal}>
let stderrText = "";
let stderrEnded = null;

function startSandbox(token) {
    return new Promise((resolvePort, rejectPort) => {
        const args = ["sandbox", "--port", "0", "--token", token, "--run-seconds", RUN_SECONDS];
        child = spawn(binary, args, { stdio: ["ignore", "pipe", "pipe"] });
        childExit = new Promise((done) => child.once("exit", (code, signal) => done({ code, signal })));
        stderrEnded = new Promise((done) => child.stderr.once("close", done));
        child.stderr.setEncoding("utf8");
        child.stderr.on("data", (chunk) => { stderrText += chunk; });
        child.stdout.setEncoding("utf8");

        let stdoutText = "";
        let settled = false;
        const settle = (fn, value) => {
            if (settled) return;
            settled = true;
            clearTimeout(timer);
            fn(value);
        };
        const tail = () => stderrSummary() || "(nothing on stderr)";
        const timer = setTimeout(() => settle(rejectPort, new Error(
            `no "listening on http://127.0.0.1:PORT" line on stdout within ${STARTUP_TIMEOUT_MS / 1000} s; ` +
            `stdout so far: ${show(stdoutText)}; stderr: ${tail()}`)), STARTUP_TIMEOUT_MS);

        child.once("error", (error) => settle(rejectPort, new Error(`cannot start ${binary}: ${error.message}`)));
        childExit.then(({ code, signal }) => settle(rejectPort, new Error(
            `the sandbox exited before it was ready (code ${code}, signal ${signal}); stderr: ${tail()}`)));
        child.stdout.on("data", (chunk) => {
            stdoutText += chunk;
            const newline = stdoutText.indexOf("\n");
            if (newline < 0) return;
            const first = stdoutText.slice(0, newline).replace(/\r$/, "");
            const match = /^listening on http:\/\/127\.0\.0\.1:(\d+)$/.exec(first);
            if (match) {
                sandboxReady = true;
                settle(resolvePort, Number(match[1]));
            }
            else settle(rejectPort, new Error(`the first line on stdout is ${show(first)}, expected "listening on http://127.0.0.1:PORT"`));
        });
    });
}

// The first lines and the last of the sandbox's stderr, on one line.
function stderrSummary() {
    const lines = stderrText.split("\n").filter((line) => line.trim());
    const picked = lines.length <= 5 ? lines : [...lines.slice(0, 3), "…", ...lines.slice(-2)];
    return oneLine(picked.join(" | "));
}

// SIGTERM, then SIGKILL after 5 s. Returns {code, signal}, or null when SIGTERM was not enough.
async function stopSandbox() {
    if (!child || child.pid === undefined) return null; // never started
    if (child.exitCode !== null || child.signalCode !== null) return childExit;
    child.kill("SIGTERM");
    let timer;
    const timeout = new Promise((done) => { timer = setTimeout(() => done(null), 5_000); });
    const result = await Promise.race([childExit, timeout]);
    clearTimeout(timer);
    if (result) return result;
    child.kill("SIGKILL");
    await childExit;
    return null;
}

// Last resort, whatever happens: never leave the sandbox running.
process.on("exit", () => {
    if (child && child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
});
for (const signal of ["SIGINT", "SIGTERM"]) {
    process.on(signal, () => {
        fail("the test ran to its end", `interrupted by ${signal}`);
        process.exit(1);
    });
}
process.on("unhandledRejection", async (reason) => {
    fail("no unhandled error", reason instanceof Error ? reason.stack ?? reason.message : reason);
    await stopSandbox();
    process.exit(1);
});
setTimeout(async () => {
    fail(`the whole test finishes within ${WATCHDOG_MS / 1000} s`, "watchdog fired");
    await stopSandbox();
    process.exit(1);
}, WATCHDOG_MS).unref();

// ---------------------------------------------------------------------------------------------
// Helpers for the raw calls

// A response as {status, contentType, body}: from an openapi-fetch result or a fetch Response.
function fromClient(result) {
    return {
        status: result.response.status,
        contentType: result.response.headers.get("content-type") ?? "",
        body: result.error !== undefined ? result.error : result.data,
    };
}

async function rawRequest(baseUrl, method, path, { token, body, contentType = "application/json" } = {}) {
    const headers = {};
    if (token !== undefined) headers.Authorization = `Bearer ${token}`;
    if (body !== undefined) headers["Content-Type"] = contentType;
    const response = await fetch(`${baseUrl}${path}`, { method, headers, body });
    const text = await response.text();
    let parsed = text;
    try { parsed = JSON.parse(text); } catch { /* keep the text */ }
    return { status: response.status, contentType: response.headers.get("content-type") ?? "", body: parsed };
}

// The status is `status`, the body is application/problem+json with a title and the same status.
function expectProblem(res, status) {
    expect(res.status === status, `expected HTTP ${status}, got ${res.status}: ${show(res.body)}`);
    expect(/^application\/problem\+json\s*(;|$)/i.test(res.contentType),
           `Content-Type is ${show(res.contentType)}, expected application/problem+json`);
    expect(res.body !== null && typeof res.body === "object" && !Array.isArray(res.body),
           `the body is not a JSON object: ${show(res.body)}`);
    expect(typeof res.body.title === "string" && res.body.title.length > 0,
           `the problem has no title: ${show(res.body)}`);
    expect(res.body.status === status,
           `the problem's status is ${show(res.body.status)}, not ${status} (the client classifies errors by it)`);
    return res.body;
}

function expectCreated(res, status = 201) {
    expect(res.status === status, `expected HTTP ${status}, got ${res.status}: ${show(res.body)}`);
    return res.body;
}

const TIMESTAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

function expectKeys(object, keys, label) {
    const missing = keys.filter((key) => !(key in object));
    expect(missing.length === 0, `${label} lacks the required key(s) ${missing.join(", ")}`);
}

function expectTimestamps(object, keys, label) {
    for (const key of keys) {
        const value = object[key];
        if (value === null) continue;
        expect(typeof value === "string" && TIMESTAMP.test(value),
               `${label}.${key} is ${show(value)}, expected RFC 3339 with milliseconds and Z`);
    }
}

// The raw Task, against the 1.28.0 schema's required keys.
function expectTaskShape(task) {
    expectKeys(task, ["id", "name", "type", "is_continuous", "query_filter", "evaluators", "experiment_ids",
                      "last_run_at", "created_at", "updated_at", "created_by_user_id"], "the task");
    expectTimestamps(task, ["last_run_at", "created_at", "updated_at"], "the task");
    task.evaluators.forEach((evaluator, i) => expectKeys(evaluator,
        ["evaluator_id", "evaluator_name", "evaluator_version_id", "query_filter", "column_mappings"],
        `evaluators[${i}]`));
}

function expectRunShape(run) {
    expectKeys(run, ["id", "task_id", "status", "run_started_at", "run_finished_at", "data_start_time",
                     "data_end_time", "num_successes", "num_errors", "num_skipped", "created_at",
                     "created_by_user_id"], "the run");
    expectTimestamps(run, ["run_started_at", "run_finished_at", "data_start_time", "data_end_time", "created_at"],
                     "the run");
}

const TERMINAL = ["COMPLETED", "FAILED", "CANCELLED"];
const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

// Polls GET /v2/task-runs/{id} through the client's getTaskRun; returns the final run and the
// statuses seen, in order.
async function pollRun(client, runId) {
    const seen = [];
    const deadline = Date.now() + RUN_TIMEOUT_MS;
    for (;;) {
        const run = await ax.getTaskRun({ client, runId });
        if (seen.at(-1) !== run.status) seen.push(run.status);
        if (TERMINAL.includes(run.status)) return { run, seen };
        expect(Date.now() < deadline, `still ${run.status} after ${RUN_TIMEOUT_MS / 1000} s (seen ${seen.join(" → ")})`);
        await sleep(100);
    }
}

// The example files are written in lower case; the client's types (1.28.0) want UPPER enums.
function upperRunConfiguration(config) {
    const out = { ...config, experiment_type: config.experiment_type.toUpperCase() };
    if (out.input_variable_format) out.input_variable_format = out.input_variable_format.toUpperCase();
    if (out.messages) out.messages = out.messages.map((m) => ({ ...m, role: m.role.toUpperCase() }));
    return out;
}

const readExample = (name) => JSON.parse(readFileSync(join(ROOT, "resources", "examples", name), "utf8"));

// ---------------------------------------------------------------------------------------------
// The checks

const token = `interop-${randomBytes(18).toString("hex")}`;

async function main() {
    const port = await check((p) => `the sandbox starts and prints "listening on http://127.0.0.1:${p ?? "PORT"}"`,
                             () => startSandbox(token));
    if (!port) return;
    const baseUrl = `http://127.0.0.1:${port}`;
    const client = ax.createClient({ baseUrl, apiKey: token });

    const seed = readExample("template-evaluation-project.json");
    const llm = readExample("run-experiment-llm-generation.json");
    const SEED_PROJECT = seed.project_id;
    const SEED_EVALUATOR = seed.evaluators[0].evaluator_id;
    const DATASET = llm.dataset_id;
    const AI_INTEGRATION = llm.run_configuration.ai_integration_id;
    const UNKNOWN_PROJECT = "TW9kZWw6OTk5OTk6WlpaWg=="; // Model:99999:ZZZZ

    // --- The picker lists, through the client's helpers ---------------------------------------
    const spaces = await check("listSpaces returns the fixture spaces", async () => {
        const { data, pagination } = await ax.listSpaces({ client });
        expect(data.length >= 1, "no spaces");
        expect(typeof pagination.hasMore === "boolean", `pagination.has_more is ${show(pagination.hasMore)}`);
        return data;
    });
    const seedSpace = await check("listProjects by space name finds the seed's project (and its space)", async () => {
        const space = need(spaces, "the spaces").find((s) => s.name === "Production") ?? spaces[0];
        const { data } = await ax.listProjects({ client, space: space.name });
        const project = data.find((p) => p.id === SEED_PROJECT);
        expect(project, `project ${SEED_PROJECT} is not in space ${show(space.name)}: ${show(data.map((p) => p.id))}`);
        return space;
    });
    await check("listDatasets finds the run-experiment example's dataset", async () => {
        const { data } = await ax.listDatasets({ client });
        expect(data.some((d) => d.id === DATASET), `${DATASET} not in ${show(data.map((d) => d.id))}`);
    });
    await check("listEvaluators finds the seed's evaluator", async () => {
        const { data } = await ax.listEvaluators({ client });
        expect(data.some((e) => e.id === SEED_EVALUATOR), `${SEED_EVALUATOR} not in ${show(data.map((e) => e.id))}`);
    });
    await check("listAiIntegrations finds the example's AI integration", async () => {
        const { data } = await ax.listAiIntegrations({ client });
        expect(data.some((a) => a.id === AI_INTEGRATION), `${AI_INTEGRATION} not in ${show(data.map((a) => a.id))}`);
    });
    await check("listIntegrations({type: AGENT}) returns agent integrations only", async () => {
        const { data } = await ax.listIntegrations({ client, type: "AGENT" });
        expect(data.length >= 1, "no AGENT integration");
        expect(data.every((i) => i.type === "AGENT"), `types ${show(data.map((i) => i.type))}`);
    });
    await check("listExperiments({dataset}) returns that dataset's experiments", async () => {
        const { data } = await ax.listExperiments({ client, dataset: DATASET });
        expect(data.length >= 1, "no experiments");
        expect(data.every((e) => e.datasetId === undefined || e.datasetId === DATASET),
               `dataset ids ${show(data.map((e) => e.datasetId))}`);
    });

    // The raw items, against the required keys of the 1.28.0 schema (the client's transforms
    // read them, e.g. `integration.scopings.map(...)`).
    const pickerSchemas = [
        ["/v2/spaces", {}, "spaces", ["id", "name", "description", "created_at", "is_private"], ["created_at"]],
        ["/v2/projects", {}, "projects", ["id", "name", "space_id", "created_at"], ["created_at"]],
        ["/v2/datasets", {}, "datasets", ["id", "name", "space_id", "created_at", "updated_at"], ["created_at", "updated_at"]],
        ["/v2/experiments", {}, "experiments", ["id", "name", "space_id", "created_at", "updated_at"], ["created_at", "updated_at"]],
        ["/v2/evaluators", {}, "evaluators", ["id", "name", "type", "space_id", "created_at", "updated_at", "created_by_user_id"],
         ["created_at", "updated_at"]],
        ["/v2/ai-integrations", {}, "ai_integrations", ["id", "name", "provider", "has_api_key", "enable_default_models",
         "function_calling_enabled", "auth_type", "scopings", "created_at", "updated_at", "created_by_user_id"],
         ["created_at", "updated_at"]],
        ["/v2/integrations", { type: "AGENT" }, "integrations", ["id", "type", "name", "scopings", "created_at", "updated_at",
         "created_by_user_id", "config"], ["created_at", "updated_at"]],
    ];
    for (const [path, query, plural, keys, timestamps] of pickerSchemas) {
        const shown = Object.keys(query).length ? `${path}?${new URLSearchParams(query)}` : path;
        await check(`GET ${shown} items have the 1.28.0 schema's required keys`, async () => {
            const res = fromClient(await client.GET(path, { params: { query } }));
            const body = expectCreated(res, 200);
            expect(Array.isArray(body?.[plural]), `no "${plural}" array: ${show(body)}`);
            expect(typeof body.pagination?.has_more === "boolean", `pagination is ${show(body.pagination)}`);
            const problems = new Set();
            for (const item of body[plural]) {
                for (const key of keys) if (!(key in item)) problems.add(`no ${key}`);
                for (const key of timestamps) {
                    if (key in item && !TIMESTAMP.test(item[key])) problems.add(`${key} ${show(item[key])}`);
                }
            }
            expect(problems.size === 0, [...problems].join(", "));
        });
    }

    // --- Create -------------------------------------------------------------------------------
    const evalInput = {
        client,
        name: seed.name,
        type: seed.type.toUpperCase(),
        project: seed.project_id,
        samplingRate: seed.sampling_rate,
        isContinuous: seed.is_continuous,
        queryFilter: seed.query_filter,
        evaluators: seed.evaluators.map((e) => ({ evaluatorId: e.evaluator_id, columnMappings: e.column_mappings })),
    };
    const evalTask = await check("createEvaluationTask creates the seed's template evaluation task", async () => {
        const task = await ax.createEvaluationTask(evalInput);
        expect(typeof task.id === "string" && task.id.length > 0, `id is ${show(task.id)}`);
        expectEqual(task.type, "TEMPLATE_EVALUATION", "type");
        expectEqual(task.name, seed.name, "name");
        expectEqual(task.projectId, SEED_PROJECT, "project_id");
        expectEqual(task.datasetId, null, "dataset_id");
        expectEqual(task.samplingRate, 1, "sampling_rate");
        expectEqual(task.isContinuous, true, "is_continuous");
        expectEqual(task.queryFilter, seed.query_filter, "query_filter");
        expectEqual(task.experimentIds, [], "experiment_ids");
        expectEqual(task.runConfiguration, null, "run_configuration");
        expectEqual(task.lastRunAt, null, "last_run_at");
        expect(task.evaluators.length === 1, `${task.evaluators.length} evaluators`);
        const [evaluator] = task.evaluators;
        expectEqual(evaluator.evaluatorId, SEED_EVALUATOR, "evaluators[0].evaluator_id");
        expect(typeof evaluator.evaluatorName === "string" && evaluator.evaluatorName,
               `evaluators[0].evaluator_name is ${show(evaluator.evaluatorName)}`);
        expectEqual(evaluator.evaluatorVersionId, null, "evaluators[0].evaluator_version_id");
        expectEqual(evaluator.columnMappings, seed.evaluators[0].column_mappings, "evaluators[0].column_mappings");
        expect(!Number.isNaN(task.createdAt.getTime()), "created_at is not a date");
        return task;
    });

    const runConfiguration = upperRunConfiguration(llm.run_configuration);
    const rexTask = await check("createRunExperimentTask creates the LLM-generation example (UPPER enums)", async () => {
        const task = await ax.createRunExperimentTask({ client, name: llm.name, dataset: llm.dataset_id, runConfiguration });
        expect(typeof task.id === "string" && task.id.length > 0, `id is ${show(task.id)}`);
        expectEqual(task.type, "RUN_EXPERIMENT", "type");
        expectEqual(task.datasetId, DATASET, "dataset_id");
        expectEqual(task.projectId, null, "project_id");
        expectEqual(task.evaluators, [], "evaluators");
        expectEqual(task.experimentIds, [], "experiment_ids");
        expectEqual(task.isContinuous, false, "is_continuous");
        expectSubset(task.runConfiguration, runConfiguration, "run_configuration");
        return task;
    });

    await check("evaluator_version_id pins a version of the evaluator (§12)", async () => {
        const versions = { "RXZhbHVhdG9yOjEyOmFCY0Q=": "RXZhbHVhdG9yVmVyc2lvbjoxOmFCY0Q=" };
        const version = need(versions[SEED_EVALUATOR], "a known version of the seed's evaluator");
        const task = await ax.createEvaluationTask({
            ...evalInput, name: `${seed.name} (pinned)`,
            evaluators: [{ evaluatorId: SEED_EVALUATOR, evaluatorVersionId: version }],
        });
        expectEqual(task.evaluators[0]?.evaluatorVersionId, version, "evaluators[0].evaluator_version_id");
        await ax.deleteTask({ client, task: task.id });
    });

    // --- List ---------------------------------------------------------------------------------
    await check("listTasks finds both tasks", async () => {
        const evalId = need(evalTask, "the evaluation task").id;
        const rexId = need(rexTask, "the run_experiment task").id;
        const { data } = await ax.listTasks({ client });
        const ids = data.map((t) => t.id);
        expect(ids.includes(evalId) && ids.includes(rexId), `ids ${show(ids)}`);
        const listed = data.find((t) => t.id === evalId);
        expectEqual(listed, evalTask, "the listed evaluation task");
    });
    await check("listTasks filters by type, project (ID) and name", async () => {
        const evalId = need(evalTask, "the evaluation task").id;
        const rexId = need(rexTask, "the run_experiment task").id;
        const byType = (await ax.listTasks({ client, type: "RUN_EXPERIMENT" })).data.map((t) => t.id);
        expectEqual(byType, [rexId], "type=RUN_EXPERIMENT");
        const byProject = (await ax.listTasks({ client, project: SEED_PROJECT })).data.map((t) => t.id);
        expectEqual(byProject, [evalId], `project_id=${SEED_PROJECT}`);
        const byName = (await ax.listTasks({ client, name: "gpt-4O BASE" })).data.map((t) => t.id);
        expectEqual(byName, [rexId], "name=gpt-4O BASE (case-insensitive substring)");
    });
    await check("listTasks pages with limit 1 and the opaque cursor", async () => {
        const want = [need(evalTask, "the evaluation task").id, need(rexTask, "the run_experiment task").id].sort();
        const first = await ax.listTasks({ client, limit: 1 });
        expect(first.data.length === 1, `page 1 has ${first.data.length} tasks`);
        expect(first.pagination.hasMore === true, `page 1 has_more is ${show(first.pagination.hasMore)}`);
        expect(typeof first.pagination.nextCursor === "string" && first.pagination.nextCursor,
               `page 1 next_cursor is ${show(first.pagination.nextCursor)}`);
        const second = await ax.listTasks({ client, limit: 1, cursor: first.pagination.nextCursor });
        expect(second.data.length === 1, `page 2 has ${second.data.length} tasks`);
        expect(second.pagination.hasMore === false, `page 2 has_more is ${show(second.pagination.hasMore)}`);
        expect(second.pagination.nextCursor === undefined,
               `page 2 has next_cursor ${show(second.pagination.nextCursor)} although has_more is false`);
        expectEqual([first.data[0].id, second.data[0].id].sort(), want, "the two pages");
    });

    // --- Get ----------------------------------------------------------------------------------
    await check("getTask returns each task as created", async () => {
        for (const task of [need(evalTask, "the evaluation task"), need(rexTask, "the run_experiment task")]) {
            const got = await ax.getTask({ client, task: task.id });
            expectEqual(got, task, `task ${task.id}`);
        }
    });
    await check("getTask resolves a task by name within a space", async () => {
        const task = need(evalTask, "the evaluation task");
        const got = await ax.getTask({ client, task: task.name, space: need(seedSpace, "the seed's space").name });
        expectEqual(got.id, task.id, "id");
    });
    await check("GET /v2/tasks/{id} answers with the 1.28.0 Task shape (required keys, timestamps)", async () => {
        for (const task of [need(evalTask, "the evaluation task"), need(rexTask, "the run_experiment task")]) {
            const res = fromClient(await client.GET("/v2/tasks/{task_id}", { params: { path: { task_id: task.id } } }));
            expectCreated(res, 200);
            expect(/^application\/json\s*(;|$)/i.test(res.contentType), `Content-Type is ${show(res.contentType)}`);
            expectTaskShape(res.body);
        }
    });

    // --- Update -------------------------------------------------------------------------------
    await check("updateTask renames the evaluation task and keeps the rest", async () => {
        const task = need(evalTask, "the evaluation task");
        const updated = await ax.updateTask({ client, task: task.id, name: `${task.name} (renamed)` });
        expectEqual(updated.name, `${task.name} (renamed)`, "name");
        expectEqual(updated.evaluators, task.evaluators, "evaluators");
        expectEqual(updated.samplingRate, task.samplingRate, "sampling_rate");
        expect(updated.updatedAt.getTime() >= task.createdAt.getTime(), "updated_at is before created_at");
        const back = await ax.updateTask({ client, task: task.id, name: task.name });
        expectEqual(back.name, task.name, "name after renaming back");
    });

    // --- Trigger and poll -----------------------------------------------------------------------
    const now = Date.now();
    const dataStartTime = new Date(now - 7 * 86_400_000);
    const dataEndTime = new Date(now - 60_000);
    await check((s) => `the first run of a project task without data_start_time is refused${s ? ` (${s} problem+json)` : ""}`, async () => {
        const task = need(evalTask, "the evaluation task");
        const res = fromClient(await client.POST("/v2/tasks/{task_id}/trigger", { params: { path: { task_id: task.id } }, body: {} }));
        expect(res.status === 400 || res.status === 422, `expected 400 or 422, got ${res.status}: ${show(res.body)}`);
        expectProblem(res, res.status);
        return res.status;
    });
    const evalRun = await check("triggerTaskRun starts a run on the evaluation task (7-day window)", async () => {
        const task = need(evalTask, "the evaluation task");
        const run = await ax.triggerTaskRun({ client, task: task.id, dataStartTime, dataEndTime });
        expectEqual(run.taskId, task.id, "task_id");
        expect(["PENDING", "RUNNING"].includes(run.status), `status is ${show(run.status)}`);
        expectEqual(run.dataStartTime?.getTime(), dataStartTime.getTime(), "data_start_time (ms)");
        expectEqual(run.dataEndTime?.getTime(), dataEndTime.getTime(), "data_end_time (ms)");
        expectEqual(run.experimentId, null, "experiment_id");
        return run;
    });

    const experimentName = `interop ${randomBytes(4).toString("hex")}`;
    const rexRun = await check("POST /v2/tasks/{id}/trigger starts a run on the run_experiment task (201)", async () => {
        const task = need(rexTask, "the run_experiment task");
        const res = fromClient(await client.POST("/v2/tasks/{task_id}/trigger", {
            params: { path: { task_id: task.id } },
            body: { experiment_name: experimentName, max_examples: 3 },
        }));
        const run = expectCreated(res, 201);
        expectRunShape(run);
        expectEqual(run.task_id, task.id, "task_id");
        expect(["PENDING", "RUNNING"].includes(run.status), `status is ${show(run.status)}`);
        expectEqual(run.data_start_time, null, "data_start_time");
        expectEqual(run.data_end_time, null, "data_end_time");
        return run;
    });

    await check("waitForTaskRun sees the evaluation run COMPLETED, with counts", async () => {
        const started = need(evalRun, "the evaluation run");
        const run = await ax.waitForTaskRun({ client, runId: started.id, pollInterval: 100, timeout: RUN_TIMEOUT_MS });
        expectEqual(run.status, "COMPLETED", "status");
        expect(run.runStartedAt && run.runFinishedAt && run.runFinishedAt >= run.runStartedAt,
               `run_started_at ${show(run.runStartedAt)}, run_finished_at ${show(run.runFinishedAt)}`);
        const total = run.numSuccesses + run.numErrors + run.numSkipped;
        expect(Number.isInteger(total) && total > 0, `num_successes + num_errors + num_skipped is ${total}`);
    });
    await check("getTaskRun polling sees the run_experiment run go PENDING/RUNNING → COMPLETED, with an experiment", async () => {
        const started = need(rexRun, "the run_experiment run");
        const { run, seen } = await pollRun(client, started.id);
        const order = ["PENDING", "RUNNING", "COMPLETED"];
        expect(seen.every((s, i) => order.includes(s) && (i === 0 || order.indexOf(s) > order.indexOf(seen[i - 1]))),
               `statuses seen: ${seen.join(" → ")}`);
        expectEqual(run.status, "COMPLETED", "status");
        expect(typeof run.experimentId === "string" && run.experimentId, `experiment_id is ${show(run.experimentId)}`);
        const total = run.numSuccesses + run.numErrors + run.numSkipped;
        expectEqual(total, 3, "num_successes + num_errors + num_skipped with max_examples 3");
        const raw = fromClient(await client.GET("/v2/task-runs/{run_id}", { params: { path: { run_id: started.id } } }));
        expectRunShape(expectCreated(raw, 200));
    });
    await check("listExperiments lists the experiment the run created (its experiment_id, its name)", async () => {
        const started = need(rexRun, "the run_experiment run");
        const run = await ax.getTaskRun({ client, runId: started.id });
        const { data } = await ax.listExperiments({ client, dataset: DATASET });
        const experiment = data.find((e) => e.id === run.experimentId);
        expect(experiment, `experiment ${show(run.experimentId)} is not in ${show(data.map((e) => e.id))}`);
        expectEqual(experiment.name, experimentName, "its name");
    });

    await check("listTaskRuns lists the run, and filters by status", async () => {
        const task = need(evalTask, "the evaluation task");
        const runId = need(evalRun, "the evaluation run").id;
        const all = await ax.listTaskRuns({ client, task: task.id });
        expect(all.data.some((r) => r.id === runId && r.status === "COMPLETED"),
               `runs ${show(all.data.map((r) => [r.id, r.status]))}`);
        const completed = await ax.listTaskRuns({ client, task: task.id, status: "COMPLETED" });
        expect(completed.data.some((r) => r.id === runId), "status=COMPLETED does not list it");
        const failedRuns = await ax.listTaskRuns({ client, task: task.id, status: "FAILED" });
        expectEqual(failedRuns.data.map((r) => r.id), [], "status=FAILED");
    });
    await check("getTask shows last_run_at after the run", async () => {
        const task = await ax.getTask({ client, task: need(evalTask, "the evaluation task").id });
        expect(task.lastRunAt instanceof Date && !Number.isNaN(task.lastRunAt.getTime()), `last_run_at is ${show(task.lastRunAt)}`);
    });

    // --- Cancel -------------------------------------------------------------------------------
    const cancelled = await check("a second trigger needs no data_start_time; cancelTaskRun cancels it", async () => {
        const task = need(evalTask, "the evaluation task");
        const run = await ax.triggerTaskRun({ client, task: task.id });
        const after = await ax.cancelTaskRun({ client, runId: run.id });
        expectEqual(after.status, "CANCELLED", "status after cancel");
        const again = await ax.getTaskRun({ client, runId: run.id });
        expectEqual(again.status, "CANCELLED", "status when read back");
        return run;
    });
    await check((s) => `cancelling a finished run is refused${s ? ` (${s} problem+json)` : ""}`, async () => {
        const run = need(cancelled, "the cancelled run");
        const res = fromClient(await client.POST("/v2/task-runs/{run_id}/cancel", { params: { path: { run_id: run.id } } }));
        expect([400, 409, 422].includes(res.status), `expected 400, 409 or 422, got ${res.status}: ${show(res.body)}`);
        expectProblem(res, res.status);
        return res.status;
    });

    // --- Errors -------------------------------------------------------------------------------
    const upperSeed = { ...seed, type: "TEMPLATE_EVALUATION" };
    const createRaw = async (body) => fromClient(await client.POST("/v2/tasks", { body }));

    await check("an unknown field in the create body → 400 problem+json", async () => {
        expectProblem(await createRaw({ ...upperSeed, name: "unknown field", colour: "blue" }), 400);
    });
    await check("an unknown field inside an evaluator → 400 problem+json", async () => {
        expectProblem(await createRaw({ ...upperSeed, name: "unknown nested field",
                                        evaluators: [{ ...seed.evaluators[0], weight: 2 }] }), 400);
    });
    await check("a wrong type (sampling_rate as a string) → 400 problem+json", async () => {
        expectProblem(await createRaw({ ...upperSeed, name: "wrong type", sampling_rate: "1" }), 400);
    });
    await check("malformed JSON → 400 problem+json", async () => {
        expectProblem(await rawRequest(baseUrl, "POST", "/v2/tasks", { token, body: '{"name": "x",' }), 400);
    });
    await check("limit=101 on GET /v2/tasks → 400 problem+json, and the client raises BadRequestError", async () => {
        expectProblem(fromClient(await client.GET("/v2/tasks", { params: { query: { limit: 101 } } })), 400);
        const error = await ax.listTasks({ client, limit: 101 }).then(() => null, (e) => e);
        expect(error instanceof ax.BadRequestError, `listTasks threw ${show(error?.name ?? "nothing")}`);
    });
    await check("a wrong token → 401 problem+json, and the client raises AuthenticationError", async () => {
        const wrong = ax.createClient({ baseUrl, apiKey: `${token}x` });
        expectProblem(fromClient(await wrong.GET("/v2/tasks")), 401);
        expectProblem(fromClient(await wrong.POST("/v2/tasks", { body: upperSeed })), 401);
        const error = await ax.listTasks({ client: wrong }).then(() => null, (e) => e);
        expect(error instanceof ax.AuthenticationError && error.statusCode === 401,
               `listTasks threw ${show(error?.name ?? "nothing")} ${error?.message ?? ""}`);
    });
    await check("no Authorization header → 401 problem+json", async () => {
        expectProblem(await rawRequest(baseUrl, "GET", "/v2/tasks"), 401);
    });
    await check("an unknown project_id → 404 problem+json", async () => {
        expectProblem(await createRaw({ ...upperSeed, name: "unknown project", project_id: UNKNOWN_PROJECT }), 404);
    });
    await check("an unknown evaluator_id → 404 problem+json", async () => {
        expectProblem(await createRaw({ ...upperSeed, name: "unknown evaluator",
                                        evaluators: [{ evaluator_id: "RXZhbHVhdG9yOjk5OTk5OlpaWlo=" }] }), 404);
    });
    await check("listTasks scoped to an unknown project → 404 problem+json, and the client raises NotFoundError", async () => {
        expectProblem(fromClient(await client.GET("/v2/tasks", { params: { query: { project_id: UNKNOWN_PROJECT } } })), 404);
        const error = await ax.listTasks({ client, project: UNKNOWN_PROJECT }).then(() => null, (e) => e);
        expect(error instanceof ax.NotFoundError, `listTasks threw ${show(error?.name ?? "nothing")}`);
    });
    await check("an evaluation task without evaluators → 422 problem+json", async () => {
        expectProblem(await createRaw({ ...upperSeed, name: "no evaluators", evaluators: [] }), 422);
    });
    await check("sampling_rate 2 → 422 problem+json", async () => {
        expectProblem(await createRaw({ ...upperSeed, name: "sampling 2", sampling_rate: 2 }), 422);
    });
    await check("the same evaluator twice → 422 problem+json", async () => {
        expectProblem(await createRaw({ ...upperSeed, name: "duplicate evaluators",
                                        evaluators: [seed.evaluators[0], seed.evaluators[0]] }), 422);
    });
    await check("evaluator_version_id of another evaluator → 422 problem+json (§12)", async () => {
        expectProblem(await createRaw({ ...upperSeed, name: "foreign version", evaluators: [
            { evaluator_id: SEED_EVALUATOR, evaluator_version_id: "RXZhbHVhdG9yVmVyc2lvbjo0OmFCY0Q=" }] }), 422);
    });
    await check("createEvaluationTask surfaces the server's problem as an Error", async () => {
        const error = await ax.createEvaluationTask({ ...evalInput, name: "no evaluators", evaluators: [] })
            .then(() => null, (e) => e);
        expect(error instanceof Error && error.message, `createEvaluationTask resolved or threw ${show(error)}`);
    });
    await check("a data window over 30 days is refused with 4xx problem+json", async () => {
        const task = need(evalTask, "the evaluation task");
        const res = fromClient(await client.POST("/v2/tasks/{task_id}/trigger", {
            params: { path: { task_id: task.id } },
            body: { data_start_time: new Date(now - 40 * 86_400_000).toISOString(), data_end_time: new Date(now).toISOString() },
        }));
        expect(res.status === 400 || res.status === 422, `expected 400 or 422, got ${res.status}: ${show(res.body)}`);
        expectProblem(res, res.status);
    });
    await check("experiment_name on an evaluation task's trigger → 400 problem+json", async () => {
        const task = need(evalTask, "the evaluation task");
        expectProblem(fromClient(await client.POST("/v2/tasks/{task_id}/trigger", {
            params: { path: { task_id: task.id } }, body: { experiment_name: "not for evaluation tasks" },
        })), 400);
    });
    await check("data_start_time on a run_experiment task's trigger → 400 problem+json", async () => {
        const task = need(rexTask, "the run_experiment task");
        expectProblem(fromClient(await client.POST("/v2/tasks/{task_id}/trigger", {
            params: { path: { task_id: task.id } },
            body: { experiment_name: `${experimentName} b`, data_start_time: dataStartTime.toISOString() },
        })), 400);
    });
    await check("a duplicate experiment_name on a run_experiment trigger → 409 problem+json", async () => {
        const task = need(rexTask, "the run_experiment task");
        need(rexRun, "the first run_experiment run");
        expectProblem(fromClient(await client.POST("/v2/tasks/{task_id}/trigger", {
            params: { path: { task_id: task.id } }, body: { experiment_name: experimentName },
        })), 409);
    });

    // --- Casing -------------------------------------------------------------------------------
    await check("a task created in lower case answers in lower case; DELETE → 204 with no body", async () => {
        const created = expectCreated(await createRaw({ ...llm, name: "lower-case example" }));
        expectEqual(created.type, "run_experiment", "type");
        expectEqual(created.run_configuration?.experiment_type, "llm_generation", "run_configuration.experiment_type");
        expectEqual(created.run_configuration?.messages?.map((m) => m.role), ["system", "user"], "message roles");
        const res = await client.DELETE("/v2/tasks/{task_id}", { params: { path: { task_id: created.id } } });
        expectEqual(res.response.status, 204, "DELETE status");
        const text = res.response.bodyUsed ? "" : await res.response.text();
        expectEqual(text, "", "DELETE body");
    });

    // --- Delete -------------------------------------------------------------------------------
    await check("deleteTask deletes the run_experiment task; a later GET is 404 problem+json", async () => {
        const task = need(rexTask, "the run_experiment task");
        await ax.deleteTask({ client, task: task.id });
        expectProblem(fromClient(await client.GET("/v2/tasks/{task_id}", { params: { path: { task_id: task.id } } })), 404);
        const error = await ax.getTask({ client, task: task.id }).then(() => null, (e) => e);
        expect(error instanceof Error, "getTask did not throw");
        const { data } = await ax.listTasks({ client });
        expect(!data.some((t) => t.id === task.id), "listTasks still lists it");
    });
    await check("the deleted task's runs are gone: GET /v2/task-runs/{id} → 404 problem+json", async () => {
        const run = need(rexRun, "the run_experiment run");
        expectProblem(fromClient(await client.GET("/v2/task-runs/{run_id}", { params: { path: { run_id: run.id } } })), 404);
    });
    await check("an unknown task ID → 404 problem+json on GET, PATCH, DELETE and trigger", async () => {
        const path = { task_id: "T25saW5lVGFzazo5OTk5OTpaWlpa" }; // OnlineTask:99999:ZZZZ
        expectProblem(fromClient(await client.GET("/v2/tasks/{task_id}", { params: { path } })), 404);
        expectProblem(fromClient(await client.PATCH("/v2/tasks/{task_id}", { params: { path }, body: { name: "x" } })), 404);
        expectProblem(fromClient(await client.DELETE("/v2/tasks/{task_id}", { params: { path } })), 404);
        expectProblem(fromClient(await client.POST("/v2/tasks/{task_id}/trigger", { params: { path }, body: {} })), 404);
    });
}

// ---------------------------------------------------------------------------------------------

let crashed = false;
try {
    await main();
} catch (error) {
    crashed = true;
    fail("the test ran to its end", error instanceof Error ? error.stack ?? error.message : error);
} finally {
    if (child) {
        const stopped = await stopSandbox();
        if (sandboxReady && !crashed) {
            if (stopped && (stopped.code === 0 || stopped.signal === "SIGTERM")) {
                pass(`the sandbox stops on SIGTERM (${stopped.signal ? `ended by ${stopped.signal}` : `exit code ${stopped.code}`})`);
            } else if (stopped) {
                fail("the sandbox stops on SIGTERM", `it exited with code ${stopped.code}, signal ${stopped.signal}; stderr: ${stderrSummary()}`);
            } else {
                fail("the sandbox stops on SIGTERM", "still running 5 s after SIGTERM; killed");
            }
            await Promise.race([stderrEnded, sleep(2_000)]);
            const logLines = stderrText.split("\n").filter((line) => line.includes("/v2/"));
            if (stderrText.includes(token)) fail("the sandbox's log never contains the token", "it does");
            else pass("the sandbox's log never contains the token");
            if (logLines.length === requestsSent) pass(`the sandbox logged one line per request (${requestsSent})`);
            else fail("the sandbox logs one line per request", `${requestsSent} requests, ${logLines.length} log lines mentioning /v2/`);
        }
    }
    console.log(`1..${passed + failed}`);
    console.log(`# ${passed} passed, ${failed} failed`);
    process.exit(failed === 0 && passed > 0 ? 0 : 1);
}
