/**
 * The source state decides when a fetch may stop at "unchanged": only after a
 * complete earlier run, never on the strength of the fetch's own run (a fetch
 * job retried after a stall must hand its document on again).
 */
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { createRedis } from "../../shared/redis.ts";
import { readSourcesManifest } from "../../shared/sources-manifest.ts";
import { stageJobResultSchema } from "../../workers/runtime/job-data.ts";
import { SourceState } from "../../workers/runtime/source-state.ts";
import { createTestEnv, documentsIn, startPipeline } from "./test-env.ts";
import { until } from "./until.ts";

const manifest = fileURLToPath(new URL("../../seeds/sources.json", import.meta.url));

describe("source state", () => {
  const t = createTestEnv("source-state");
  const redis = createRedis(t.config, false);
  const state = new SourceState(redis, t.config.QUEUE_PREFIX);

  afterAll(async () => {
    redis.disconnect();
    await t.cleanup();
  });

  it("is complete only when every expected document of the hash is indexed", async () => {
    await state.expect("src-a", "hash-1", 2, "run-1");
    await state.indexed("src-a", "src-a-en", "hash-1");
    expect(await state.previousFor("src-a", { exceptRun: "run-2" })).toBeUndefined();
    await state.indexed("src-a", "src-a-zh", "hash-1");
    expect(await state.previousFor("src-a", { exceptRun: "run-2" })).toEqual({
      content_hash: "hash-1",
    });
  });

  it("does not let a fetch skip on the run that completed the source", async () => {
    await state.expect("src-b", "hash-1", 1, "run-1");
    await state.indexed("src-b", "src-b", "hash-1");
    // A retry of run-1's own fetch job: the source is not "unchanged" to it.
    expect(await state.previousFor("src-b", { exceptRun: "run-1" })).toBeUndefined();
    // The next run may skip.
    expect(await state.previousFor("src-b", { exceptRun: "run-2" })).toEqual({
      content_hash: "hash-1",
    });
  });

  it("forgets completeness when the content changes", async () => {
    await state.expect("src-c", "hash-1", 1, "run-1");
    await state.indexed("src-c", "src-c", "hash-1");
    await state.expect("src-c", "hash-2", 1, "run-2");
    expect(await state.previousFor("src-c", { exceptRun: "run-3" })).toBeUndefined();
    await state.indexed("src-c", "src-c", "hash-2");
    expect(await state.previousFor("src-c", { exceptRun: "run-3" })).toEqual({
      content_hash: "hash-2",
    });
  });
});

describe("the charset prior", () => {
  const t = createTestEnv("source-state-charset");
  const redis = createRedis(t.config, false);
  const state = new SourceState(redis, t.config.QUEUE_PREFIX);

  afterAll(async () => {
    redis.disconnect();
    await t.cleanup();
  });

  it("hands the last document's charset to the next fetch, whether or not that run completed", async () => {
    await state.fetched("src-d", "hash-1", { encoding: "gbk", etag: '"v1"' });
    // Incomplete (nothing expected yet): no skip, but the charset is known.
    expect(await state.previousFor("src-d", { exceptRun: "run-1" })).toEqual({ encoding: "gbk" });
    await state.expect("src-d", "hash-1", 1, "run-1");
    await state.indexed("src-d", "src-d", "hash-1");
    expect(await state.previousFor("src-d", { exceptRun: "run-2" })).toEqual({
      content_hash: "hash-1",
      etag: '"v1"',
      encoding: "gbk",
    });
  });
});

describe("a fetch job run again within its own run", () => {
  const t = createTestEnv("fetch-rerun");

  afterAll(async () => {
    await t.cleanup();
  });

  it("hands its documents on again instead of calling the source unchanged", async () => {
    const pipeline = await startPipeline(t);
    try {
      const sources = await readSourcesManifest(manifest);
      const bilingual = sources.filter((s) => s.id.startsWith("seed-004"));
      expect(bilingual).toHaveLength(1);
      const [first] = await pipeline.ingest(bilingual);
      expect(first?.status).toBe("indexed");

      // What BullMQ does to a fetch job whose worker died after it handed its
      // document on: the same job, same run, processed again.
      const [fetchJob] = await pipeline.queues.fetch.getCompleted();
      if (!fetchJob) throw new Error("no completed fetch job");
      const finishedBefore = fetchJob.finishedOn;
      await fetchJob.retry("completed");
      const rerun = await until("the fetch job to complete again", async () => {
        const job = await pipeline.queues.fetch.getJob(fetchJob.id ?? "");
        return job?.finishedOn && job.finishedOn !== finishedBefore ? job : undefined;
      });
      const result = stageJobResultSchema.parse(rerun.returnvalue);
      expect(result.unchanged).toBeUndefined();
      expect(result.next).toHaveLength(1);

      const ids = (await documentsIn(t.opensearch, t.config.INDEX_ALIAS)).map((d) => d._id);
      expect(ids.sort()).toEqual([`${bilingual[0]?.id}-en`, `${bilingual[0]?.id}-zh`]);

      // A later run over the same bytes stops at fetch.
      const [second] = await pipeline.ingest(bilingual);
      expect(second?.status).toBe("unchanged");
    } finally {
      await pipeline.close();
    }
  });
});
