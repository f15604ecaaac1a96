/**
 * The index behind the alias: a migration keeps search answering throughout,
 * and a document OpenSearch refuses lands in the dead letters with its reason.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildPipeline } from "../../pipelines/pipeline.ts";
import { runInProcess } from "../../pipelines/run-in-process.ts";
import { createRedis } from "../../shared/redis.ts";
import { readSourcesManifest } from "../../shared/sources-manifest.ts";
import { BulkIndexer } from "../../workers/indexing/bulk-indexer.ts";
import { DeadLetters } from "../../workers/indexing/dead-letters.ts";
import { ensureIndex } from "../../workers/indexing/ensure-index.ts";
import { aliasTargets, migrateIndex } from "../../workers/indexing/migrate-index.ts";
import { indexHandler } from "../../workers/runtime/index-handler.ts";
import { SourceState } from "../../workers/runtime/source-state.ts";
import { createTestEnv, documentsIn } from "./test-env.ts";

const manifest = fileURLToPath(new URL("../../seeds/sources.json", import.meta.url));
const ctx = { log: pino({ level: "silent" }) };

describe("index lifecycle", () => {
  const t = createTestEnv("lifecycle");
  const redis = createRedis(t.config, false);
  const deadLetters = new DeadLetters(redis, t.config.QUEUE_PREFIX);
  const indexer = new BulkIndexer(
    t.opensearch,
    t.config.INDEX_ALIAS,
    { maxDocs: 50, maxBytes: 5_000_000, flushMs: 20 },
    t.log,
  );
  const handler = indexHandler(buildPipeline({ timeoutMs: 5000, maxBytes: 1_000_000 }).sink, {
    indexer,
    ledger: new SourceState(redis, t.config.QUEUE_PREFIX),
    deadLetters,
    concurrency: 8,
  });

  beforeAll(async () => {
    await ensureIndex(t.opensearch, t.config.INDEX_ALIAS);
    const sources = await readSourcesManifest(manifest);
    const options = { timeoutMs: 5000, maxBytes: 1_000_000 };
    const docs = (await Promise.all(sources.map((s) => runInProcess(s, options, ctx)))).flat();
    await Promise.all(docs.map((doc) => handler.handle(doc, "run-test", ctx)));
    await t.opensearch.indices.refresh({ index: t.config.INDEX_ALIAS });
  });

  afterAll(async () => {
    redis.disconnect();
    await t.cleanup();
  });

  it("migrates to the next version while searches keep answering with every document", async () => {
    const alias = t.config.INDEX_ALIAS;
    expect(await aliasTargets(t.opensearch, alias)).toEqual([`${alias}-v1`]);
    const counts: number[] = [];
    let migrating = true;
    const searching = (async () => {
      while (migrating) {
        const response = await t.opensearch.count({
          index: alias,
          body: { query: { match: { "body.en": "magnet" } } },
        });
        counts.push(response.body.count);
      }
    })();
    const result = await migrateIndex(t.opensearch, alias, t.log);
    migrating = false;
    await searching;

    expect(result).toMatchObject({ from: `${alias}-v1`, to: `${alias}-v2`, copied: 6 });
    expect(await aliasTargets(t.opensearch, alias)).toEqual([`${alias}-v2`]);
    expect(counts.length).toBeGreaterThan(0);
    // Every search, before, during and after the swap, saw the same documents.
    expect([...new Set(counts)]).toHaveLength(1);
    expect(counts[0]).toBeGreaterThan(0);
    // The old index is kept until dropped.
    expect((await t.opensearch.indices.exists({ index: `${alias}-v1` })).body).toBe(true);
    expect((await documentsIn(t.opensearch, alias)).length).toBe(6);
  });

  it("records a document OpenSearch refuses as a dead letter with the reason", async () => {
    const [doc] = await runInProcess(
      (await readSourcesManifest(manifest))[0] ?? { id: "none", uri: "none" },
      { timeoutMs: 5000, maxBytes: 1_000_000 },
      ctx,
    );
    if (!doc) throw new Error("the seed produced no document");
    const refused = { ...doc, id: "refused-doc", published_at: "the day after tomorrow" };
    await expect(handler.handle(refused, "run-test", ctx)).rejects.toThrow(/HTTP 400/);
    const [letter] = await deadLetters.list(5);
    expect(letter).toMatchObject({ docId: "refused-doc", sourceId: doc.source.id });
    expect(letter?.reason).toMatch(/published_at/);
  });

  it("sends a batch as soon as every caller waits, not after the flush interval", async () => {
    const patient = new BulkIndexer(
      t.opensearch,
      t.config.INDEX_ALIAS,
      // Neither the count nor the bytes nor the interval would send these three in this test's time.
      { maxDocs: 50, maxBytes: 5_000_000, flushMs: 600_000, callers: 3 },
      t.log,
    );
    const indexed = Promise.all(
      ["a", "b", "c"].map((id) => patient.index(`all-waiting-${id}`, { title: `waiting ${id}` })),
    );
    const results = await Promise.race([indexed, sleep(20_000).then(() => "still waiting")]);
    // Sends whatever is still queued, so that nothing waits on the ten-minute timer after the test.
    await patient.flush();
    expect(results).not.toBe("still waiting");
    expect((await indexed).map((r) => r.result)).toEqual(["created", "created", "created"]);
    const got = await t.opensearch.get({ index: t.config.INDEX_ALIAS, id: "all-waiting-b" });
    expect(got.body._source).toMatchObject({ title: "waiting b" });
  });
});
