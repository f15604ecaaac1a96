/**
 * Issue 15, "no page may hold a worker", on real Redis and OpenSearch: a page
 * of 100,000 nested <div>s, 5 MB of prose and a text that keeps the entity
 * recogniser busy past STAGE_TIME_LIMIT_MS go through the workers beside an
 * ordinary article. The first two are refused within 5 s of worker time, the
 * third is stopped at the time limit, all three fail for good with their
 * reason, and the article is indexed meanwhile, no lock lost, no job stalled
 * (locks here last 2 s, so a main thread blocked for longer would stall them).
 */
import { readFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Job } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fileSource } from "../../pipelines/fetch/list-folder.ts";
import { createTestEnv, documentsIn, type RunningPipeline, startPipeline } from "./test-env.ts";

const SEED = readFileSync(new URL("../../seeds/000_8ecb7e1744039315.txt", import.meta.url), "utf8");
const TIME_LIMIT_MS = 1500;

/** Sentences in paragraphs of ten. */
function chunks(sentences: string[]): string {
  const paragraphs: string[] = [];
  for (let i = 0; i < sentences.length; i += 10)
    paragraphs.push(sentences.slice(i, i + 10).join(" "));
  return paragraphs.join("\n\n");
}

function workerMs(job: Job): number {
  return (job.finishedOn ?? 0) - (job.processedOn ?? 0);
}

describe("runaway documents in the workers", () => {
  const t = createTestEnv("runaway", {
    STAGE_TIME_LIMIT_MS: String(TIME_LIMIT_MS),
    STAGE_THREADS: "2",
    LOCK_DURATION_MS: "2000",
    STALLED_INTERVAL_MS: "1000",
    JOB_ATTEMPTS: "3",
  });
  let folder: string;
  let pipeline: RunningPipeline;

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), "lodestone-runaway-"));
    await writeFile(
      join(folder, "nested.html"),
      `<html><body>${"<div>".repeat(100_000)}Baotou${"</div>".repeat(100_000)}</body></html>`,
    );
    await writeFile(join(folder, "prose.txt"), SEED.repeat(Math.ceil(5_000_000 / SEED.length)));
    // Under every size budget, but a minute of work for the entity recogniser
    // (every sentence differs, so that cleaning does not drop repeats).
    const sentences = Array.from(
      { length: 4000 },
      (_, i) =>
        `On day ${i}, Wang Lei${i} of Baotou Steel met Anna Berg${i} in Baotou about ${i} tonnes of neodymium.`,
    );
    await writeFile(join(folder, "slow.txt"), chunks(sentences));
    await writeFile(join(folder, "warm-up.txt"), SEED);
    await writeFile(join(folder, "article.txt"), SEED.replace(/China/g, "PRC"));
    pipeline = await startPipeline(t);
  });

  afterAll(async () => {
    await pipeline.close();
    await rm(folder, { recursive: true, force: true });
    await t.cleanup();
  });

  it("refuses or stops each of them for good, while an article beside them is indexed", async () => {
    // Threads load their models once; the batch below then measures the jobs, not that.
    const [warm] = await pipeline.ingest([await fileSource(join(folder, "warm-up.txt"))]);
    expect(warm?.status).toBe("indexed");

    const names = ["nested.html", "prose.txt", "slow.txt", "article.txt"];
    const sources = await Promise.all(names.map((name) => fileSource(join(folder, name))));
    const started = Date.now();
    const outcomes = await pipeline.ingest(sources);
    const [nested, prose, slow, article] = outcomes;

    expect(article?.status).toBe("indexed");
    expect(nested?.status).toBe("failed");
    expect(nested?.failures[0]).toMatchObject({
      stage: "normalize",
      reason: expect.stringMatching(
        /HTML elements, over the budget of 50000 \(STAGE_MAX_ELEMENTS\)/,
      ),
    });
    expect(prose?.status).toBe("failed");
    expect(prose?.failures[0]).toMatchObject({
      stage: "normalize",
      reason: expect.stringMatching(/characters, over the budget of 500000 \(STAGE_MAX_CHARS\)/),
    });
    expect(slow?.status).toBe("failed");
    // The entity recogniser is the slow one; on a loaded machine the language stage may
    // already take longer than the limit on this text, and the stop is as good there. The
    // CPU stages run chained in normalize's job (CHAIN_CPU_STAGES): the reason names the stage.
    expect(slow?.failures[0]).toMatchObject({
      stage: "normalize",
      reason: expect.stringMatching(
        /^(?:language|enrich): .*over the time limit \(STAGE_TIME_LIMIT_MS\)/,
      ),
    });

    const failed = [
      ...(await pipeline.queues.normalize.getFailed()),
      ...(await pipeline.queues.language.getFailed()),
      ...(await pipeline.queues.enrich.getFailed()),
    ];
    expect(failed).toHaveLength(3);
    for (const job of failed) {
      // Failed for good on the first attempt, never stalled.
      expect(job.attemptsMade).toBe(1);
      expect(job.failedReason).not.toMatch(/stalled/);
    }
    const refused = failed.filter((job) => /STAGE_MAX/.test(job.failedReason));
    expect(refused).toHaveLength(2);
    for (const job of refused) expect(workerMs(job)).toBeLessThan(5000);
    const stopped = failed.find((job) => /STAGE_TIME_LIMIT_MS/.test(job.failedReason));
    // The limit, plus at most the start of a second thread and a second of slack.
    expect(stopped && workerMs(stopped)).toBeLessThan(TIME_LIMIT_MS + 10_000);

    const indexed = await pipeline.queues.index.getCompleted();
    const articleJob = indexed.find((job) => job.data.payload.source.uri.endsWith("article.txt"));
    expect((articleJob?.finishedOn ?? Number.POSITIVE_INFINITY) - started).toBeLessThan(20_000);
    for (const queue of Object.values(pipeline.queues)) {
      for (const job of await queue.getCompleted()) expect(job.attemptsMade).toBe(1);
    }
    const ids = (await documentsIn(t.opensearch, t.config.INDEX_ALIAS)).map((d) => d._id);
    expect(ids.sort()).toEqual([warm?.source.id, article?.source.id].sort());
  });
});
