/**
 * The error classes are the retry policy, on a real queue: a CriticalError
 * hands its job back untouched and stops the worker's process; a RangeError
 * (a stack overflow on a deep document) fails at once instead of being
 * retried; a plain error is retried until its attempts run out.
 */
import { Queue, type Worker } from "bullmq";
import { afterAll, describe, expect, it } from "vitest";
import { CriticalError } from "../../shared/errors.ts";
import { createRedis } from "../../shared/redis.ts";
import { defaultJobOptions } from "../../workers/runtime/retry-policy.ts";
import { startStageWorker } from "../../workers/runtime/stage-worker.ts";
import { createTestEnv } from "./test-env.ts";
import { until } from "./until.ts";

function deepRecursion(depth: number): number {
  return depth === 0 ? 0 : 1 + deepRecursion(depth + 1);
}

describe("error policy on the queues", () => {
  const t = createTestEnv("error-policy", {
    JOB_ATTEMPTS: "3",
    JOB_BACKOFF_MS: "20",
    LOG_LEVEL: "silent",
  });
  const connection = createRedis(t.config);
  const queue = new Queue("normalize", {
    connection,
    prefix: t.config.QUEUE_PREFIX,
    defaultJobOptions: defaultJobOptions({ attempts: 3, backoffMs: 20 }),
  });
  const workers: Worker[] = [];

  afterAll(async () => {
    await Promise.all(workers.map((w) => w.close()));
    await queue.close();
    connection.disconnect();
    await t.cleanup();
  });

  function start(handle: () => Promise<unknown>, onCritical?: (error: Error) => void): void {
    workers.push(
      startStageWorker(
        { name: "normalize", concurrency: 1, handle },
        { config: t.config, connection, log: t.log, ...(onCritical ? { onCritical } : {}) },
      ),
    );
  }

  it("hands a job back untouched on a CriticalError and tells the host to stop", async () => {
    const critical: Error[] = [];
    start(
      async () => {
        throw new CriticalError("the index template is missing");
      },
      (error) => critical.push(error),
    );
    const job = await queue.add("normalize", { run_id: "r1", payload: { id: "doc-1" } });
    await until("the critical error", async () => critical[0]);
    await workers.pop()?.close();
    const state = await until("the job to settle", async () => {
      const s = await job.getState();
      return s === "active" ? undefined : s;
    });
    expect(critical[0]?.message).toBe("the index template is missing");
    expect(state).toBe("delayed");
    expect((await queue.getJob(job.id ?? ""))?.attemptsMade).toBe(0);
    await job.remove();
  });

  it("fails a stack overflow at once, and retries a plain error until the attempts run out", async () => {
    let calls = 0;
    start(async () => {
      calls++;
      return calls === 1 ? deepRecursion(1) : Promise.reject(new Error("connection reset"));
    });
    const overflow = await queue.add("normalize", { run_id: "r2", payload: { id: "deep" } });
    const overflowed = await until("the overflow to fail", async () =>
      (await overflow.getState()) === "failed" ? queue.getJob(overflow.id ?? "") : undefined,
    );
    expect(overflowed?.attemptsMade).toBe(1);
    expect(overflowed?.failedReason).toMatch(/too large or too deep/);

    const flaky = await queue.add("normalize", { run_id: "r2", payload: { id: "flaky" } });
    const failed = await until("the plain error to fail for good", async () =>
      (await flaky.getState()) === "failed" ? queue.getJob(flaky.id ?? "") : undefined,
    );
    expect(failed?.attemptsMade).toBe(3);
    expect(failed?.failedReason).toBe("connection reset");
  });
});
