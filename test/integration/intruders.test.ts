/**
 * Issue 15, as an attacker holding the API key would try it on this machine:
 * the queue view writes nothing (its add-job route was a way to index
 * /etc/passwd), a job on the fetch queue cannot read outside FILE_SOURCE_ROOTS
 * whatever put it there, queue-internal ids are not jobs, every error is
 * `{ error }`, Basic opens the queue view only, and the registry has limits.
 */
import { execFile } from "node:child_process";
import { request as httpRequest } from "node:http";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRedis } from "../../shared/redis.ts";
import { type RunningApi, startApi } from "../../workers/api/start-api.ts";
import { closeQueueSet, createQueueSet, type QueueSet } from "../../workers/runtime/queue-set.ts";
import { createTestEnv, type RunningPipeline, startPipeline } from "./test-env.ts";
import { until } from "./until.ts";

const KEY = "intruder-test-key-0123456789";
const cli = fileURLToPath(new URL("../../workers/cli/lodestone.ts", import.meta.url));

describe("closed to intruders", () => {
  const t = createTestEnv("intruders", {
    LODESTONE_API_KEY: KEY,
    PORT: "0",
    JOB_ATTEMPTS: "3",
    MAX_SOURCES: "2",
    MAX_SCHEDULES: "1",
  });
  const connection = createRedis(t.config);
  let queues: QueueSet;
  let api: RunningApi;
  let pipeline: RunningPipeline;

  const call = async (path: string, init: RequestInit & { auth?: string | null } = {}) => {
    const { auth = `Bearer ${KEY}`, ...rest } = init;
    const response = await fetch(`${api.url}${path}`, {
      ...rest,
      headers: {
        ...(auth ? { authorization: auth } : {}),
        ...(rest.body ? { "content-type": "application/json" } : {}),
      },
    });
    const text = await response.text();
    return {
      status: response.status,
      text,
      json: text.startsWith("{") ? JSON.parse(text) : undefined,
    };
  };

  beforeAll(async () => {
    queues = createQueueSet(t.config, connection);
    api = await startApi(t.config, t.log);
    pipeline = await startPipeline(t);
  });

  afterAll(async () => {
    await pipeline.close();
    await api.close();
    await closeQueueSet(queues);
    connection.disconnect();
    await t.cleanup();
  });

  it("listens on loopback by default", () => {
    expect(t.config.API_HOST).toBe("127.0.0.1");
    expect(new URL(api.url).hostname).toBe("127.0.0.1");
  });

  it("the queue view cannot add, clean, pause or obliterate, but still shows the queues", async () => {
    const payload = {
      name: "fetch",
      data: { run_id: "x", payload: { source: { id: "p1", uri: "/etc/passwd" } } },
    };
    const add = await call("/queues/api/queues/fetch/add", {
      method: "POST",
      body: JSON.stringify(payload),
    });
    expect(add.status).toBe(405);
    expect(add.json).toEqual({ error: expect.stringMatching(/queue view is read-only/) });
    for (const [method, path] of [
      ["PUT", "/queues/api/queues/fetch/clean/completed"],
      ["PUT", "/queues/api/queues/fetch/pause"],
      ["PUT", "/queues/api/queues/pause"],
      ["DELETE", "/queues/api/queues/fetch/obliterate"],
      ["PUT", "/queues/api/queues/fetch/retry/failed"],
    ] as const) {
      expect([path, (await call(path, { method })).status]).toEqual([path, 405]);
    }
    expect(await queues.fetch.count()).toBe(0);
    const board = await call("/queues/api/queues");
    expect(board.status).toBe(200);
    expect(board.json.queues.every((q: { readOnlyMode: boolean }) => q.readOnlyMode)).toBe(true);
  });

  it("a fetch job for a file, a file: URL or a folder outside the roots fails at once, and nothing is indexed", async () => {
    const uris = ["/etc/passwd", "file:///etc/hostname", "/etc"];
    for (const [i, uri] of uris.entries()) {
      await queues.fetch.add(
        "fetch",
        { run_id: "intruder", payload: { source: { id: `p${i}`, uri } } },
        { jobId: `intruder-${i}`, attempts: 3 },
      );
    }
    await until("the three jobs to fail", async () => {
      const states = await Promise.all(
        uris.map((_, i) => queues.fetch.getJobState(`intruder-${i}`)),
      );
      return states.every((s) => s === "failed") ? true : undefined;
    });
    // Read once failed: a job read before it failed has no reason yet.
    const failed = await Promise.all(uris.map((_, i) => queues.fetch.getJob(`intruder-${i}`)));
    for (const job of failed) {
      expect(job?.failedReason).toMatch(/outside the folders file sources may be read from/);
      expect(job?.failedReason).toMatch(/FILE_SOURCE_ROOTS/);
      // Permanent: tried once, not three times.
      expect(job?.attemptsMade).toBe(1);
    }
    expect(await queues.normalize.count()).toBe(0);
    expect((await queues.normalize.getJobCounts("completed", "failed")).completed).toBe(0);
  });

  it("answers 404 for queue-internal keys read as job ids", async () => {
    for (const id of ["meta", "events", "id", "stalled-check", "intruder-0:lock", "repeat"]) {
      const answer = await call(`/jobs/${encodeURIComponent(id)}`);
      expect([id, answer.status]).toEqual([id, 404]);
      expect(answer.json).toEqual({ error: expect.stringMatching(/^no job/) });
    }
    expect((await call("/jobs/intruder-0")).json).toMatchObject({ state: "failed" });
  });

  it("answers 431 and 414 in the { error } shape", async () => {
    const long = await call(`/jobs/${"x".repeat(600)}`);
    expect(long.status).toBe(414);
    expect(Object.keys(long.json)).toEqual(["error"]);
    const url = new URL(`${api.url}/sources`);
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = httpRequest(
        {
          host: url.hostname,
          port: url.port,
          path: url.pathname,
          headers: { "x-big": "y".repeat(40_000) },
        },
        (res) => {
          let body = "";
          res.on("data", (chunk) => {
            body += String(chunk);
          });
          res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
        },
      );
      req.on("error", reject);
      req.end();
    });
    expect(answer.status).toBe(431);
    expect(Object.keys(JSON.parse(answer.body))).toEqual(["error"]);
  });

  it("takes Basic credentials for the queue view only", async () => {
    const basic = `Basic ${Buffer.from(`operator:${KEY}`).toString("base64")}`;
    expect((await call("/queues", { auth: basic })).status).toBe(200);
    expect((await call("/sources", { auth: basic })).status).toBe(401);
    expect((await call("/jobs/x", { auth: basic })).status).toBe(401);
  });

  it("refuses credentials in URLs, schedules that run too often, and sources past the cap", async () => {
    const withCredentials = await call("/sources", {
      method: "POST",
      body: JSON.stringify({ uri: "https://user:hunter2@example.com/news" }),
    });
    expect(withCredentials.status).toBe(400);
    expect(withCredentials.text).not.toMatch(/hunter2/);
    expect((await call("/sources")).json.sources).toEqual([]);
    const everySecond = await call("/sources", {
      method: "POST",
      body: JSON.stringify({ uri: "https://example.com/a", schedule: "* * * * * *" }),
    });
    expect(everySecond.status).toBe(400);
    expect(everySecond.json.error).toMatch(/SCHEDULE_MIN_INTERVAL_MS/);
    const add = (uri: string, schedule?: string) =>
      call("/sources", {
        method: "POST",
        body: JSON.stringify({ uri, ...(schedule ? { schedule } : {}) }),
      });
    expect((await add("https://example.com/1", "0 6 * * *")).status).toBe(201);
    const secondSchedule = await add("https://example.com/2", "0 7 * * *");
    expect(secondSchedule.status).toBe(409);
    expect(secondSchedule.json.error).toMatch(/MAX_SCHEDULES/);
    expect((await add("https://example.com/2")).status).toBe(201);
    const third = await add("https://example.com/3");
    expect(third.status).toBe(409);
    expect(third.json.error).toMatch(/MAX_SOURCES/);
    // Re-registering a known source is no new source.
    expect((await add("https://example.com/2")).status).toBe(201);
  });

  it("lodestone enqueue refuses a path outside the roots, naming FILE_SOURCE_ROOTS", async () => {
    const failure = await promisify(execFile)(
      process.execPath,
      ["--import", "tsx", cli, "enqueue", "/etc/passwd"],
      { env: t.env },
    ).catch((error: { code?: number; stderr?: string }) => error);
    expect("code" in failure && failure.code).toBe(1);
    expect("stderr" in failure && failure.stderr).toMatch(
      /\/etc\/passwd is outside the folders file sources may be read from .*FILE_SOURCE_ROOTS/,
    );
    expect(await queues.fetch.getJob("x")).toBeUndefined();
    expect((await call("/sources")).json.sources.map((s: { uri: string }) => s.uri)).not.toContain(
      "/etc/passwd",
    );
  });
});
