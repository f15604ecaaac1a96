/**
 * The job metrics a workers process keeps (METRICS_FLUSH_MS): added up in
 * memory, written in one transaction a period later or on close, and kept
 * through a write that fails, so that Redis restarting loses no count.
 */
import { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { createRedis } from "../../shared/redis.ts";
import { MetricsStore } from "../../workers/metrics/metrics-store.ts";
import type { JobOutcome } from "../../workers/runtime/stage-worker.ts";
import { createTestEnv } from "./test-env.ts";
import { until } from "./until.ts";

/** A normalize job that ran language and enrich in its chain, and produced two documents. */
function chainedJob(ms: number): JobOutcome {
  return {
    stage: "normalize",
    jobId: `job-${ms}`,
    status: "completed",
    ms,
    retried: false,
    result: {
      next: [],
      stage_ms: [
        { stage: "normalize", documents: 1, ms: 2.5 },
        { stage: "language", documents: 1, ms: 1.25 },
        { stage: "enrich", documents: 2, ms: 4 },
      ],
    },
  };
}

const refusal: JobOutcome = {
  stage: "normalize",
  jobId: "job-refused",
  status: "failed",
  ms: 30,
  retried: true,
  failureKind: "BudgetExceededError",
};

describe("the metrics store", () => {
  const t = createTestEnv("metrics-store");
  const redis = createRedis(t.config, false);

  afterAll(async () => {
    redis.disconnect();
    await t.cleanup();
  });

  it("adds jobs up in memory and writes them together a period later", async () => {
    const store = new MetricsStore(redis, `${t.config.QUEUE_PREFIX}:timer`, { flushMs: 300 });
    await store.record(chainedJob(20));
    await store.record(chainedJob(40));
    await store.record(refusal);
    // Recorded, not yet written.
    expect((await store.read()).normalize.completed).toBe(0);
    const stats = await until("the batch to be written", async () => {
      const read = await store.read();
      return read.normalize.completed > 0 ? read : undefined;
    });
    expect(stats.normalize).toMatchObject({
      completed: 2,
      failed: 1,
      retried: 1,
      refused: { BudgetExceededError: 1 },
      documents: { count: 2, ms: 5 },
    });
    expect(stats.normalize.duration.count).toBe(3);
    expect(stats.normalize.duration.sum).toBeCloseTo(0.09, 10);
    // 20 ms and 30 ms fall in the 25 ms and 50 ms buckets, 40 ms in the 50 ms one.
    expect(stats.normalize.duration.buckets.filter(([, n]) => n > 0)).toEqual([
      [0.025, 1],
      [0.05, 2],
    ]);
    expect(stats.language.documents).toEqual({ count: 2, ms: 2.5 });
    expect(stats.enrich.documents).toEqual({ count: 4, ms: 8 });
    // A stage's documents counted in another stage's job are not that stage's jobs.
    expect(stats.enrich.completed).toBe(0);
  });

  it("writes what it holds when it closes", async () => {
    const store = new MetricsStore(redis, `${t.config.QUEUE_PREFIX}:close`, { flushMs: 60_000 });
    await store.record(chainedJob(10));
    await store.close();
    expect((await store.read()).normalize.completed).toBe(1);
  });

  it("writes at once with no period", async () => {
    const store = new MetricsStore(redis, `${t.config.QUEUE_PREFIX}:direct`);
    await store.record(refusal);
    expect((await store.read()).normalize.failed).toBe(1);
  });

  it("keeps the counts of a write that failed for the next write", async () => {
    // Not connected, and refusing to queue commands: the first write fails (and starts the
    // connection, as a lazy client's first command does).
    const offline = new Redis(t.config.REDIS_URL, { lazyConnect: true, enableOfflineQueue: false });
    const prefix = `${t.config.QUEUE_PREFIX}:retry`;
    const store = new MetricsStore(offline, prefix, { flushMs: 60_000 });
    try {
      await store.record(chainedJob(10));
      await expect(store.flush()).rejects.toThrow();
      await store.record(chainedJob(10));
      await until("the client to connect", async () =>
        offline.status === "ready" ? true : undefined,
      );
      await store.close();
      const stats = await new MetricsStore(redis, prefix).read();
      expect(stats.normalize.completed).toBe(2);
      expect(stats.enrich.documents).toEqual({ count: 4, ms: 8 });
    } finally {
      offline.disconnect();
    }
  });
});
