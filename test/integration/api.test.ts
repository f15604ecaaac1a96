/**
 * The operator HTTP API against real Redis and OpenSearch, with the stage
 * workers in ANOTHER process: the key is required everywhere but /health,
 * bodies are validated, sources are registered, scheduled, enqueued and
 * removed, jobs can be looked up, and /metrics counts the jobs the other
 * process handled.
 */
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../shared/config.ts";
import { sourceIdFor } from "../../shared/ids.ts";
import { createRedis } from "../../shared/redis.ts";
import { type RunningApi, startApi } from "../../workers/api/start-api.ts";
import { closeQueueSet, createQueueSet, type QueueSet } from "../../workers/runtime/queue-set.ts";
import { type HttpFixture, startHttpFixture } from "./http-fixture.ts";
import { createTestEnv } from "./test-env.ts";
import { until } from "./until.ts";

const cli = fileURLToPath(new URL("../../workers/cli/lodestone.ts", import.meta.url));
const KEY = "test-key-0123456789abcdef";
const ARTICLE =
  "JL Mag Rare-Earth opened a magnet plant in Baotou.\n\nThe plant will make NdFeB magnets for electric vehicles.";

/** The value of one sample line of a Prometheus text page. */
function sample(page: string, series: string): number | undefined {
  const line = page.split("\n").find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe("lodestone api without a key", () => {
  it("refuses to start, saying why", async () => {
    const t = createTestEnv("api-nokey");
    const env: NodeJS.ProcessEnv = { ...t.env, PORT: "0" };
    delete env.LODESTONE_API_KEY;
    const failure = await promisify(execFile)(process.execPath, ["--import", "tsx", cli, "api"], {
      env,
    }).catch((error: { code?: number; stderr?: string }) => error);
    expect("code" in failure && failure.code).toBe(1);
    expect("stderr" in failure && failure.stderr).toMatch(
      /LODESTONE_API_KEY is not set: the API will not start without it/,
    );
    await t.cleanup();
  });
});

describe("the HTTP API", () => {
  const t = createTestEnv("api", {
    LODESTONE_API_KEY: KEY,
    PORT: "0",
    API_HOST: "127.0.0.1",
    JOB_ATTEMPTS: "2",
  });
  const connection = createRedis(t.config);
  let queues: QueueSet;
  let api: RunningApi;
  let http: HttpFixture;
  let workers: ChildProcess;
  const call = async (
    path: string,
    init: RequestInit & { key?: string | null; authorization?: string; base?: string } = {},
  ) => {
    const { key = KEY, authorization, base = api.url, ...rest } = init;
    const response = await fetch(`${base}${path}`, {
      ...rest,
      headers: {
        ...(key ? { authorization: authorization ?? `Bearer ${key}` } : {}),
        ...(rest.body ? { "content-type": "application/json" } : {}),
      },
    });
    const text = await response.text();
    const type = response.headers.get("content-type") ?? "";
    const challenge = response.headers.get("www-authenticate");
    return {
      status: response.status,
      type,
      text,
      challenge,
      json: type.includes("json") ? JSON.parse(text) : undefined,
    };
  };

  beforeAll(async () => {
    http = await startHttpFixture({
      "/article.txt": (_req, res) =>
        res.writeHead(200, { "content-type": "text/plain; charset=utf-8" }).end(ARTICLE),
      "/unavailable": (_req, res) => res.writeHead(503).end("try later"),
    });
    queues = createQueueSet(t.config, connection);
    api = await startApi(t.config, t.log);
    workers = spawn(process.execPath, ["--import", "tsx", cli, "workers"], {
      env: t.env,
      stdio: "ignore",
    });
  });

  afterAll(async () => {
    workers.kill("SIGTERM");
    await new Promise((resolve) => workers.once("exit", resolve));
    await api.close();
    await closeQueueSet(queues);
    connection.disconnect();
    await http.close();
    await t.cleanup();
  });

  it("requires the key on every route but /health", async () => {
    expect((await call("/health", { key: null })).status).toBe(200);
    for (const path of [
      "/sources",
      "/schedules",
      "/ready",
      "/metrics",
      "/jobs/x",
      "/queues",
      "/queues/api/queues",
    ]) {
      const without = await call(path, { key: null });
      expect([path, without.status]).toEqual([path, 401]);
      expect(without.json).toEqual({
        error: "missing or wrong API key: send Authorization: Bearer <LODESTONE_API_KEY>",
      });
      expect((await call(path, { key: "wrong-key-0123456789" })).status).toBe(401);
    }
    expect((await call("/ready")).json).toEqual({
      status: "ready",
      checks: { redis: "ok", opensearch: "ok" },
    });
    // An API client is told Bearer; a browser opening the queue view is asked for Basic.
    expect((await call("/sources", { key: null })).challenge).toBe('Bearer realm="lodestone"');
    expect((await call("/queues", { key: null })).challenge).toMatch(
      /^Basic realm="lodestone queues"/,
    );
    const basic = (password: string) =>
      `Basic ${Buffer.from(`operator:${password}`).toString("base64")}`;
    expect((await call("/queues", { authorization: basic("wrong") })).status).toBe(401);
    const board = await call("/queues", { authorization: basic(KEY) });
    expect(board.status).toBe(200);
    expect(board.text).toContain("<html");
    const boardQueues = await call("/queues/api/queues");
    expect(boardQueues.json.queues.map((q: { name: string }) => q.name).sort()).toEqual([
      "enrich",
      "fetch",
      "index",
      "language",
      "normalize",
    ]);
  });

  it("is not ready when OpenSearch does not answer, and says so", async () => {
    const config = loadConfig({ ...t.env, OPENSEARCH_URL: "http://127.0.0.1:9" });
    const down = await startApi(config, t.log);
    try {
      const ready = await call("/ready", { base: down.url });
      expect(ready.status).toBe(503);
      expect(ready.json.checks.redis).toBe("ok");
      expect(ready.json.error).toMatch(/^opensearch: .+/);
      expect((await call("/health", { base: down.url, key: null })).status).toBe(200);
    } finally {
      await down.close();
    }
  });

  it("validates bodies and answers errors as JSON", async () => {
    const bad = await call("/sources", {
      method: "POST",
      body: JSON.stringify({ uri: "file:///etc/passwd" }),
    });
    expect(bad.status).toBe(400);
    expect(bad.json.error).toMatch(/^uri: uri must be an http\(s\) URL/);
    const badCron = await call("/sources", {
      method: "POST",
      body: JSON.stringify({ uri: http.url("/article.txt"), schedule: "every hour" }),
    });
    expect(badCron.status).toBe(400);
    expect(badCron.json.error).toMatch(/^schedule: invalid schedule "every hour"/);
    const unknown = await call("/sources", {
      method: "POST",
      body: JSON.stringify({ uri: http.url("/a"), color: 1 }),
    });
    expect(unknown.status).toBe(400);
    expect((await call("/sources", { method: "POST", body: "{not json" })).status).toBe(400);
    expect((await call("/sources/nope")).json).toEqual({ error: 'no source "nope"' });
    expect((await call("/jobs/nope")).status).toBe(404);
    expect((await call("/nowhere")).status).toBe(404);
  });

  it("registers, runs, shows and removes sources, and /metrics counts the other process's jobs", async () => {
    const uri = http.url("/article.txt");
    const created = await call("/sources", {
      method: "POST",
      body: JSON.stringify({
        uri,
        name: "JL Mag news",
        publisher: "Test Wire",
        schedule: "0 6 * * *",
        tz: "Asia/Shanghai",
      }),
    });
    expect(created.status).toBe(201);
    const id = sourceIdFor(uri);
    expect(created.json.source).toMatchObject({
      id,
      uri,
      name: "JL Mag news",
      publisher: "Test Wire",
      schedule: "0 6 * * *",
      tz: "Asia/Shanghai",
    });
    const jobId: string = created.json.run.job_id;

    const job = await until("the fetch job to complete", async () => {
      const found = await call(`/jobs/${encodeURIComponent(jobId)}`);
      return found.json?.state === "completed" ? found.json : undefined;
    });
    expect(job).toMatchObject({ id: jobId, queue: "fetch", doc_id: id, attempts_made: 1 });
    const shown = await until("the source to be indexed", async () => {
      const found = await call(`/sources/${id}`);
      return found.json?.last_run?.status === "indexed" ? found.json : undefined;
    });
    expect(shown.last_complete.content_hash).toMatch(/^[0-9a-f]{64}$/);
    expect((await call("/sources")).json.sources.map((s: { id: string }) => s.id)).toEqual([id]);
    expect((await queues.fetch.getJobSchedulers()).map((s) => s.key)).toEqual([id]);
    const schedules = (await call("/schedules")).json.schedules;
    expect(schedules).toEqual([
      {
        sourceId: id,
        uri,
        pattern: "0 6 * * *",
        tz: "Asia/Shanghai",
        next: expect.stringMatching(/T22:00:00\.000Z$/),
      },
    ]);

    // Registered again: the run stops at fetch, and is counted as unchanged.
    const again = await call("/sources", {
      method: "POST",
      body: JSON.stringify({ uri, name: "JL Mag news" }),
    });
    expect(again.json.source.schedule).toBeUndefined();
    await until("the second run to find the source unchanged", async () => {
      const found = await call(`/sources/${id}`);
      return found.json?.last_run?.status === "unchanged" ? true : undefined;
    });
    expect(await queues.fetch.getJobSchedulers()).toEqual([]);

    // A 503 (retried once, then failed) and a 404 (failed at once).
    const failing = [http.url("/unavailable"), http.url("/missing")];
    for (const failingUri of failing) {
      expect(
        (await call("/sources", { method: "POST", body: JSON.stringify({ uri: failingUri }) }))
          .status,
      ).toBe(201);
    }
    const failed = await until("both failing sources to fail", async () => {
      const runs = await Promise.all(
        failing.map(async (u) => (await call(`/sources/${sourceIdFor(u)}`)).json),
      );
      return runs.every((r) => r?.last_run?.status === "failed") ? runs : undefined;
    });
    expect(failed.map((r) => [r.last_run.stage, r.last_run.error])).toEqual([
      ["fetch", expect.stringMatching(/HTTP 503/)],
      ["fetch", expect.stringMatching(/HTTP 404/)],
    ]);

    // The workers write their job metrics once a second (METRICS_FLUSH_MS): wait for the last
    // fetch attempt's duration to be counted, then read the page whole.
    const metrics = await until("the five fetch attempts to be counted", async () => {
      const page = await call("/metrics");
      const attempts = sample(page.text, 'lodestone_job_duration_seconds_count{stage="fetch"}');
      const indexed = sample(page.text, 'lodestone_jobs_completed_total{stage="index"}');
      return attempts === 5 && indexed === 1 ? page : undefined;
    });
    expect(metrics.status).toBe(200);
    expect(metrics.type).toMatch(/^text\/plain; version=0\.0\.4/);
    const page = metrics.text;
    expect(sample(page, 'lodestone_jobs_completed_total{stage="fetch"}')).toBe(2);
    expect(sample(page, "lodestone_sources_unchanged_total")).toBe(1);
    expect(sample(page, 'lodestone_jobs_completed_total{stage="index"}')).toBe(1);
    expect(sample(page, 'lodestone_jobs_failed_total{stage="fetch"}')).toBe(2);
    expect(sample(page, 'lodestone_jobs_retried_total{stage="fetch"}')).toBe(1);
    // Five fetch attempts: the article twice, the 503 twice, the 404.
    expect(sample(page, 'lodestone_job_duration_seconds_count{stage="fetch"}')).toBe(5);
    expect(sample(page, 'lodestone_job_duration_seconds_bucket{stage="fetch",le="+Inf"}')).toBe(5);
    expect(sample(page, 'lodestone_job_duration_seconds_sum{stage="fetch"}')).toBeGreaterThan(0);
    expect(sample(page, 'lodestone_queue_jobs{stage="fetch",state="failed"}')).toBe(2);
    expect(sample(page, 'lodestone_queue_jobs{stage="index",state="completed"}')).toBe(1);
    expect(sample(page, 'lodestone_queue_jobs{stage="fetch",state="waiting"}')).toBe(0);

    // Removing a scheduled source removes its schedule.
    await call("/sources", {
      method: "POST",
      body: JSON.stringify({ uri, schedule: "0 6 * * *" }),
    });
    expect((await queues.fetch.getJobSchedulers()).map((s) => s.key)).toEqual([id]);
    const removed = await call(`/sources/${id}`, { method: "DELETE" });
    expect(await queues.fetch.getJobSchedulers()).toEqual([]);
    expect(removed.json).toEqual({ removed: id });
    expect((await call(`/sources/${id}`, { method: "DELETE" })).status).toBe(404);
    expect((await call(`/sources/${id}`)).status).toBe(404);
  });
});
