/**
 * The run tracker (enqueue --wait, the main job) reads a job's end from
 * Redis: a job that ended before it is followed, one that ends while it is
 * followed, one that failed for good, one that is not there at all, and one
 * that ended before the tracker started (no event of it is ever read).
 * The stages here are plain BullMQ workers with fixed answers: this is the
 * tracker's test, not the pipeline's.
 */
import { type Job, UnrecoverableError, Worker } from "bullmq";
import { afterAll, describe, expect, it } from "vitest";
import { createRedis } from "../../shared/redis.ts";
import { RunTracker } from "../../workers/runs/run-tracker.ts";
import { childJobId } from "../../workers/runtime/job-data.ts";
import { closeQueueSet, createQueueSet } from "../../workers/runtime/queue-set.ts";
import { createTestEnv } from "./test-env.ts";

describe("the run tracker", () => {
  const t = createTestEnv("run-tracker", { JOB_ATTEMPTS: "1" });
  const connection = createRedis(t.config);
  const queues = createQueueSet(t.config, connection);
  const tracker = new RunTracker(t.config, queues, 30_000, t.log);
  const workers: Worker[] = [];
  const workerConnection = createRedis(t.config);
  const source = (id: string) => ({ id, uri: `/tmp/${id}.txt` });

  /** fetch hands each source to index under the id a stage would use; index answers as the sink does. */
  function startStages(): void {
    const fetch = async (job: Job) => {
      const id = job.data.payload.source.id as string;
      if (id.startsWith("broken")) throw new UnrecoverableError(`${id}: no such file`);
      const jobId = childJobId("run-1", "index", id);
      await queues.index.add("index", { run_id: "run-1", payload: { id } }, { jobId });
      return { next: [{ queue: "index", jobId, docId: id }] };
    };
    const index = async (job: Job) => ({
      docId: job.data.payload.id,
      lang: "en",
      result: "created",
      version: 1,
      entities: 2,
      repairs: [],
    });
    const options = { connection: workerConnection, prefix: t.config.QUEUE_PREFIX };
    workers.push(new Worker("fetch", fetch, options), new Worker("index", index, options));
  }

  const enqueue = async (id: string) => {
    const jobId = childJobId("run-1", "fetch", id);
    await queues.fetch.add(
      "fetch",
      { run_id: "run-1", payload: { source: source(id) } },
      { jobId },
    );
    return { source: source(id), jobId };
  };

  afterAll(async () => {
    await Promise.all(workers.map((worker) => worker.close()));
    workerConnection.disconnect();
    await tracker.close();
    await closeQueueSet(queues);
    connection.disconnect();
    await t.cleanup();
  });

  it("follows a job that ends while it is followed, and one that had already ended", async () => {
    await tracker.ready();
    const later = await enqueue("later");
    const following = tracker.follow(later);
    startStages();
    const outcome = await following;
    expect(outcome.status).toBe("indexed");
    expect(outcome.documents).toEqual([
      { docId: "later", lang: "en", result: "created", version: 1, entities: 2, repairs: [] },
    ]);

    const early = await enqueue("early");
    // Both jobs end before the tracker looks: no event is left to wait for.
    const indexJob = childJobId("run-1", "index", "early");
    for (let i = 0; i < 200 && (await queues.index.getJobState(indexJob)) !== "completed"; i++)
      await new Promise((resolve) => setTimeout(resolve, 25));
    const again = await tracker.follow(early);
    expect(again.status).toBe("indexed");
    expect(again.documents.map((d) => d.docId)).toEqual(["early"]);
  });

  it("reports a job that failed for good with its reason, and one that is not there", async () => {
    const broken = await enqueue("broken-1");
    const failed = await tracker.follow(broken);
    expect(failed.status).toBe("failed");
    expect(failed.failures).toEqual([
      { stage: "fetch", jobId: broken.jobId, reason: "broken-1: no such file" },
    ]);

    const missing = await tracker.follow({ source: source("ghost"), jobId: "run-1.fetch.ghost" });
    expect(missing.status).toBe("failed");
    expect(missing.failures).toEqual([
      {
        stage: "fetch",
        jobId: "run-1.fetch.ghost",
        reason: "job not found (removed from the queue?)",
      },
    ]);
  });

  it("finds a job that ended before the tracker started by reading its state", async () => {
    const before = await enqueue("before");
    const indexJob = childJobId("run-1", "index", "before");
    for (let i = 0; i < 200 && (await queues.index.getJobState(indexJob)) !== "completed"; i++)
      await new Promise((resolve) => setTimeout(resolve, 25));
    const late = new RunTracker(t.config, queues, 30_000, t.log);
    try {
      await late.ready();
      const outcome = await late.follow(before);
      expect(outcome.status).toBe("indexed");
      expect(outcome.documents.map((d) => d.docId)).toEqual(["before"]);
    } finally {
      await late.close();
    }
  });
});
