/**
 * Failures keep their reasons and stop nothing else: a retryable fault is
 * retried with backoff and then fails; a permanent one fails at once; a
 * document OpenSearch rejects fails alone while the rest of its batch lands.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sourceIdFor } from "../../shared/ids.ts";
import { BulkIndexer } from "../../workers/indexing/bulk-indexer.ts";
import { ensureIndex } from "../../workers/indexing/ensure-index.ts";
import { type HttpFixture, startHttpFixture } from "./http-fixture.ts";
import { createTestEnv, documentsIn, type RunningPipeline, startPipeline } from "./test-env.ts";

const ARTICLE =
  "Lynas Rare Earths expanded its Mount Weld mine in Western Australia.\n\nThe company said neodymium output rose.";

describe("failures", () => {
  const t = createTestEnv("failures", { JOB_ATTEMPTS: "3" });
  let pipeline: RunningPipeline;
  let http: HttpFixture;

  beforeAll(async () => {
    http = await startHttpFixture({
      "/unavailable": (_req, res) => res.writeHead(503).end("try later"),
      "/article.txt": (_req, res) =>
        res.writeHead(200, { "content-type": "text/plain; charset=utf-8" }).end(ARTICLE),
    });
    pipeline = await startPipeline(t);
  });

  afterAll(async () => {
    await pipeline.close();
    await http.close();
    await t.cleanup();
  });

  it("retries a 503 with backoff, fails with the reason, and still indexes the other sources of the batch", async () => {
    const sources = [http.url("/unavailable"), http.url("/missing"), http.url("/article.txt")].map(
      (uri) => ({
        id: sourceIdFor(uri),
        uri,
      }),
    );
    const outcomes = await pipeline.ingest(sources);
    const [unavailable, missing, article] = outcomes;

    expect(unavailable?.status).toBe("failed");
    expect(unavailable?.failures[0]?.stage).toBe("fetch");
    expect(unavailable?.failures[0]?.reason).toMatch(/HTTP 503/);
    expect(http.hits("/unavailable")).toBe(3);

    expect(missing?.status).toBe("failed");
    expect(missing?.failures[0]?.reason).toMatch(/HTTP 404/);
    // A 404 is permanent: tried once, not three times.
    expect(http.hits("/missing")).toBe(1);

    expect(article?.status).toBe("indexed");
    const docs = await documentsIn(t.opensearch, t.config.INDEX_ALIAS);
    expect(docs.map((d) => d._id)).toEqual([sourceIdFor(http.url("/article.txt"))]);
  });

  it("reports a document OpenSearch rejects with its reason and loses nothing else in its batch", async () => {
    await ensureIndex(t.opensearch, t.config.INDEX_ALIAS);
    const indexer = new BulkIndexer(
      t.opensearch,
      t.config.INDEX_ALIAS,
      { maxDocs: 10, maxBytes: 1_000_000, flushMs: 50 },
      t.log,
    );
    const results = await Promise.allSettled([
      indexer.index("good-1", { id: "good-1", lang: "en", body: "one" }),
      indexer.index("bad", { id: "bad", lang: "en", published_at: "not a date" }),
      indexer.index("good-2", { id: "good-2", lang: "en", body: "two" }),
    ]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    const rejected = results[1];
    expect(rejected?.status === "rejected" && String(rejected.reason)).toMatch(
      /PermanentError|rejected bad \(HTTP 400\): mapper_parsing_exception/,
    );
    const ids = (await documentsIn(t.opensearch, t.config.INDEX_ALIAS)).map((d) => d._id);
    expect(ids).toEqual(expect.arrayContaining(["good-1", "good-2"]));
    expect(ids).not.toContain("bad");
  });
});
