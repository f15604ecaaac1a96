/**
 * CHAIN_CPU_STAGES: a workers process that runs normalize, language and
 * enrich takes a document through all three in normalize's job, and hands
 * index the very jobs (same ids, same documents) a job per stage hands it;
 * with the chain off, every stage's queue does its share.
 */
import { describe, expect, it } from "vitest";
import { createRedis } from "../../shared/redis.ts";
import { readSourcesManifest } from "../../shared/sources-manifest.ts";
import { MetricsStore } from "../../workers/metrics/metrics-store.ts";
import { createTestEnv, documentsIn, type RunningPipeline, startPipeline } from "./test-env.ts";

const manifest = new URL("../../seeds/sources.json", import.meta.url).pathname;

async function run(chain: "true" | "false") {
  const t = createTestEnv(`stage-chain-${chain}`, { CHAIN_CPU_STAGES: chain });
  let pipeline: RunningPipeline | undefined;
  try {
    pipeline = await startPipeline(t);
    const outcomes = await pipeline.ingest(await readSourcesManifest(manifest));
    const counts = async (stage: "normalize" | "language" | "enrich" | "index") =>
      (await pipeline?.queues[stage].getJobCounts("completed"))?.completed ?? 0;
    const documents = (await documentsIn(t.opensearch, t.config.INDEX_ALIAS)).map((d) => {
      const source = d._source as { lang?: string; body?: string; entities?: unknown[] };
      return {
        id: d._id,
        lang: source.lang,
        body: source.body,
        entities: source.entities,
      };
    });
    const completed = {
      normalize: await counts("normalize"),
      language: await counts("language"),
      enrich: await counts("enrich"),
      index: await counts("index"),
    };
    // Closing the workers writes the job metrics they still hold (METRICS_FLUSH_MS).
    await pipeline.close();
    pipeline = undefined;
    const redis = createRedis(t.config, false);
    const stats = await new MetricsStore(redis, t.config.QUEUE_PREFIX).read();
    redis.disconnect();
    return {
      // Every stage's function counts its documents, wherever it ran.
      stageDocuments: Object.fromEntries(
        Object.entries(stats).map(([stage, s]) => [stage, s.documents.count]),
      ),
      statuses: outcomes.map((o) => o.status),
      indexJobs: outcomes.flatMap((o) => o.documents.map((d) => d.docId)).sort(),
      completed,
      documents: documents.sort((a, b) => a.id.localeCompare(b.id)),
    };
  } finally {
    await pipeline?.close();
    await t.cleanup();
  }
}

describe("chained CPU stages", () => {
  it("go through one job each, with the documents and index jobs of a job per stage", async () => {
    const chained = await run("true");
    const separate = await run("false");
    expect(chained.statuses).toEqual(Array(5).fill("indexed"));
    expect(separate.statuses).toEqual(chained.statuses);
    // Five seeds; the bilingual one becomes two documents.
    expect(chained.completed).toEqual({ normalize: 5, language: 0, enrich: 0, index: 6 });
    expect(separate.completed).toEqual({ normalize: 5, language: 5, enrich: 6, index: 6 });
    expect(chained.indexJobs).toEqual(separate.indexJobs);
    expect(chained.stageDocuments).toEqual({
      fetch: 5,
      normalize: 5,
      language: 5,
      enrich: 6,
      index: 0,
    });
    expect(separate.stageDocuments).toEqual(chained.stageDocuments);
    expect(chained.documents).toEqual(separate.documents);
    expect(chained.documents).toHaveLength(6);
    expect(chained.documents.some((d) => (d.entities?.length ?? 0) > 0)).toBe(true);
    expect(chained.indexJobs).toHaveLength(6);
  }, 180_000);
});
