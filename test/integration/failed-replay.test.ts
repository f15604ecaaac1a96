/**
 * Refused input and failed work, end to end on real servers: a body over the
 * budget fails for good at normalize, is counted in metrics by its class and
 * shows in the source's last run; failed jobs are listed and replayed (one by
 * id, or all of a stage), through the functions the CLI calls and through the
 * API; a document OpenSearch refused is replayed from its dead letter once
 * the mapping is fixed.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runInProcess } from "../../pipelines/run-in-process.ts";
import type { SourceRef } from "../../shared/document.ts";
import { createRedis } from "../../shared/redis.ts";
import { type RunningApi, startApi } from "../../workers/api/start-api.ts";
import { DeadLetters } from "../../workers/indexing/dead-letters.ts";
import { MetricsStore } from "../../workers/metrics/metrics-store.ts";
import { renderPrometheus } from "../../workers/metrics/prometheus-text.ts";
import { listFailed, retryAllFailed, retryFailedJob } from "../../workers/runs/failed-jobs.ts";
import { retryDeadLetters } from "../../workers/runs/retry-dead-letters.ts";
import { childJobId } from "../../workers/runtime/job-data.ts";
import { formatSource } from "../../workers/sources/format-sources.ts";
import { SourceRegistry } from "../../workers/sources/source-registry.ts";
import { createTestEnv, documentsIn, type RunningPipeline, startPipeline } from "./test-env.ts";
import { until } from "./until.ts";

const KEY = "replay-test-key-0123456789";
const ARTICLE = "Lynas Rare Earths expanded its Mount Weld mine.\n\nNeodymium output rose.\n";
const LONG =
  `${"China Northern Rare Earth raised its prices for the quarter again. ".repeat(20)}\n`.repeat(5);

describe("refused input and replaying failed work", () => {
  const t = createTestEnv("replay", {
    JOB_ATTEMPTS: "2",
    MAX_DOCUMENT_CHARS: "2000",
    LODESTONE_API_KEY: KEY,
    PORT: "0",
    API_HOST: "127.0.0.1",
  });
  const redis = createRedis(t.config, false);
  const registry = new SourceRegistry(redis, t.config.QUEUE_PREFIX);
  let pipeline: RunningPipeline;
  let api: RunningApi;
  let dir: string;
  const source = (name: string): SourceRef => ({ id: `replay-${name}`, uri: join(dir, name) });

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "lodestone-replay-"));
    await writeFile(join(dir, "small.txt"), ARTICLE);
    await writeFile(join(dir, "long.txt"), LONG);
    pipeline = await startPipeline(t);
    api = await startApi(t.config, t.log);
  });

  afterAll(async () => {
    await api.close();
    await pipeline.close();
    redis.disconnect();
    await rm(dir, { recursive: true, force: true });
    await t.cleanup();
  });

  const get = async (path: string, body?: unknown) => {
    const response = await fetch(`${api.url}${path}`, {
      method: body === undefined ? "GET" : "POST",
      headers: {
        authorization: `Bearer ${KEY}`,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, json: (await response.json()) as Record<string, unknown> };
  };

  it("refuses an over-size body at normalize with its reason, counts it, and shows it on the source", async () => {
    const sources = ["small.txt", "long.txt", "later.txt"].map(source);
    for (const s of sources) await registry.register({ source: s });
    const [small, long, later] = await pipeline.ingest(sources);
    expect(small?.status).toBe("indexed");
    expect(long?.status).toBe("failed");
    expect(long?.failures[0]?.stage).toBe("normalize");
    expect(long?.failures[0]?.reason).toMatch(
      /^replay-long\.txt: body is \d+ characters after cleaning, over the budget of 2000 \(MAX_DOCUMENT_CHARS\)$/,
    );
    expect(later?.failures[0]?.reason).toMatch(/cannot read .*later\.txt: ENOENT/);

    const ids = (await documentsIn(t.opensearch, t.config.INDEX_ALIAS)).map((d) => d._id);
    expect(ids).toEqual(["replay-small.txt"]);

    // The workers write their job metrics once a second (METRICS_FLUSH_MS).
    const store = new MetricsStore(redis, t.config.QUEUE_PREFIX);
    const stats = await until("both refusals to be counted", async () => {
      const read = await store.read();
      const refused = read.normalize.failed + read.fetch.failed;
      return refused === 2 ? read : undefined;
    });
    expect(stats.normalize.refused).toEqual({ BudgetExceededError: 1 });
    expect(stats.fetch.refused).toEqual({ PermanentError: 1 });
    const text = renderPrometheus(stats, {} as never);
    expect(text).toContain(
      'lodestone_jobs_refused_total{stage="normalize",kind="BudgetExceededError"} 1',
    );

    const shown = await registry.get("replay-long.txt");
    expect(shown?.last_run).toMatchObject({ status: "failed", stage: "normalize" });
    const printed = shown ? formatSource(shown) : "";
    expect(printed).toMatch(/failed at: +normalize/);
    expect(printed).toMatch(
      /error: +replay-long\.txt: body is \d+ characters .*MAX_DOCUMENT_CHARS/,
    );
  });

  it("lists failed jobs with stage, source, attempts, reason and time, in the CLI's and the API's views", async () => {
    const failed = await listFailed(pipeline.queues);
    expect(failed.map((f) => [f.stage, f.source, f.attempts]).sort()).toEqual([
      ["fetch", "replay-later.txt", 1],
      ["normalize", "replay-long.txt", 1],
    ]);
    for (const f of failed) {
      expect(f.reason.length).toBeGreaterThan(10);
      expect(Date.parse(f.at ?? "")).toBeGreaterThan(0);
    }
    const { status, json } = await get("/failed?stage=normalize");
    expect(status).toBe(200);
    expect((json.jobs as unknown[]).length).toBe(1);
    expect(json.counts).toMatchObject({ fetch: 1, normalize: 1, index: 0 });
    expect((await get("/failed/retry", {})).status).toBe(400);
    expect((await get("/failed/retry", { job_id: "x", all: true })).status).toBe(400);
  });

  it("replays a failed job by id once its cause is fixed, and all of a stage through the API", async () => {
    const [fetchJob] = await listFailed(pipeline.queues, { stage: "fetch" });
    await writeFile(join(dir, "later.txt"), ARTICLE.replace("Lynas", "Iluka"));
    const outcome = await retryFailedJob(pipeline.queues, fetchJob?.id ?? "");
    expect(outcome.retried).toEqual([{ id: fetchJob?.id, stage: "fetch" }]);
    await until("the replayed source to be indexed", async () => {
      const ids = (await documentsIn(t.opensearch, t.config.INDEX_ALIAS)).map((d) => d._id);
      return ids.includes("replay-later.txt") ? true : undefined;
    });
    expect((await registry.get("replay-later.txt"))?.last_run?.status).toBe("indexed");

    // Still over the budget: replayed, and refused again with the same reason.
    const { json } = await get("/failed/retry", { all: true, stage: "normalize" });
    expect(json.retried).toEqual([{ id: expect.any(String), stage: "normalize" }]);
    const again = await until("the over-size job to fail again", async () => {
      const [job] = await listFailed(pipeline.queues, { stage: "normalize" });
      return job && (await pipeline.queues.normalize.getJob(job.id))?.isFailed() ? job : undefined;
    });
    expect(again.reason).toMatch(/over the budget of 2000/);
    expect(await retryAllFailed(pipeline.queues, { stage: "fetch" })).toEqual({
      retried: [],
      skipped: [],
    });
  });

  it("replays a document OpenSearch refused from its dead letter once the mapping is fixed", async () => {
    const [doc] = await runInProcess(
      source("small.txt"),
      { timeoutMs: 5000, maxBytes: 1_000_000 },
      { log: pino({ level: "silent" }) },
    );
    const bad = { ...doc, id: "replay-bad-date", published_at: "in the spring" };
    const jobId = childJobId("run-dl", "index", bad.id);
    await pipeline.queues.index.add("index", { run_id: "run-dl", payload: bad }, { jobId });
    const letters = new DeadLetters(redis, t.config.QUEUE_PREFIX);
    const [letter] = await until("the dead letter", async () => {
      const list = await letters.list();
      return list.length > 0 ? list : undefined;
    });
    expect(letter).toMatchObject({ docId: "replay-bad-date", jobId });
    expect(letter?.reason).toMatch(/HTTP 400/);

    // The fix: a new index where published_at takes any text, behind the same alias.
    const alias = t.config.INDEX_ALIAS;
    await t.opensearch.indices.create({
      index: `${alias}-v2`,
      body: { mappings: { properties: { published_at: { type: "keyword" } } } },
    });
    await t.opensearch.indices.updateAliases({
      body: {
        actions: [
          { remove: { index: `${alias}-v1`, alias } },
          { add: { index: `${alias}-v2`, alias, is_write_index: true } },
        ],
      },
    });
    const { json } = await get("/dead-letters/retry", {});
    expect(json).toMatchObject({ retried: [{ id: jobId, stage: "index" }], cleared: 1 });
    await until("the replayed document to be indexed", async () => {
      const job = await pipeline.queues.index.getJob(jobId);
      return (await job?.isCompleted()) ? true : undefined;
    });
    expect(await letters.list()).toEqual([]);
    const ids = (await documentsIn(t.opensearch, alias)).map((d) => d._id);
    expect(ids).toContain("replay-bad-date");
    expect(await retryDeadLetters(letters, pipeline.queues)).toEqual({
      retried: [],
      skipped: [],
      cleared: 0,
    });
  });
});
