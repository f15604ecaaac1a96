/**
 * The main job's path on real servers: the five seeds travel through every
 * queue into OpenSearch; a second run re-indexes nothing.
 */
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readSourcesManifest } from "../../shared/sources-manifest.ts";
import { createTestEnv, documentsIn, type RunningPipeline, startPipeline } from "./test-env.ts";

const manifest = fileURLToPath(new URL("../../seeds/sources.json", import.meta.url));

describe("seeds end to end", () => {
  const t = createTestEnv("seeds");
  let pipeline: RunningPipeline;

  beforeAll(async () => {
    pipeline = await startPipeline(t);
  });

  afterAll(async () => {
    await pipeline.close();
    await t.cleanup();
  });

  it("indexes six documents with the right languages and pair links, then re-indexes none", async () => {
    const sources = await readSourcesManifest(manifest);
    const first = await pipeline.ingest(sources);
    // Compared with the failures in view, so a failing run shows its reasons.
    expect(first.filter((o) => o.status !== "indexed")).toEqual([]);
    expect(first.flatMap((o) => o.documents).map((d) => d.result)).toEqual(
      Array(6).fill("created"),
    );

    const docs = await documentsIn(t.opensearch, t.config.INDEX_ALIAS);
    const byId = new Map(docs.map((d) => [d._id, d]));
    expect([...byId.keys()].sort()).toEqual([
      "seed-000-ttm-gong-bin",
      "seed-001-smm-baotou-forum",
      "seed-002-ree-cnre-innovation",
      "seed-003-ree-baogang-digest",
      "seed-004-peoples-daily-1989-en",
      "seed-004-peoples-daily-1989-zh",
    ]);
    const en = byId.get("seed-004-peoples-daily-1989-en")?._source;
    const zh = byId.get("seed-004-peoples-daily-1989-zh")?._source;
    expect(en?.lang).toBe("en");
    expect(zh?.lang).toBe("zh");
    expect(en?.translation).toMatchObject({
      pair_id: "seed-004-peoples-daily-1989",
      counterpart_id: "seed-004-peoples-daily-1989-zh",
    });
    expect(zh?.translation).toMatchObject({
      counterpart_id: "seed-004-peoples-daily-1989-en",
      role: "original",
    });
    for (const id of [
      "seed-000-ttm-gong-bin",
      "seed-001-smm-baotou-forum",
      "seed-003-ree-baogang-digest",
    ]) {
      expect(byId.get(id)?._source.lang).toBe("en");
    }
    const versions = new Map(docs.map((d) => [d._id, d._version]));

    const second = await pipeline.ingest(sources);
    expect(second.map((o) => o.status)).toEqual(Array(5).fill("unchanged"));
    expect(second.flatMap((o) => o.documents)).toEqual([]);
    const after = await documentsIn(t.opensearch, t.config.INDEX_ALIAS);
    expect(new Map(after.map((d) => [d._id, d._version]))).toEqual(versions);
  });

  it("finds the Chinese original when searching in English and English articles when searching in Chinese", async () => {
    const search = async (q: string) => {
      const response = await t.opensearch.search({
        index: t.config.INDEX_ALIAS,
        body: { size: 20, query: { query_string: { query: q } } },
      });
      return (response.body.hits.hits as Array<{ _id: string }>).map((h) => h._id);
    };
    const baotou = await search("包头");
    expect(baotou).toContain("seed-001-smm-baotou-forum");
    expect(await search("钕铁硼")).toEqual(
      expect.arrayContaining(["seed-004-peoples-daily-1989-zh", "seed-004-peoples-daily-1989-en"]),
    );
  });
});
