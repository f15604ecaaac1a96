/**
 * `lodestone search` against a real OpenSearch holding the seeds: a query in
 * either language finds documents in both, filters and facets work, and a
 * document of a bilingual pair shows its counterpart.
 */
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readSourcesManifest } from "../../shared/sources-manifest.ts";
import { runSearch } from "../../workers/search/run-search.ts";
import type { SearchOptions } from "../../workers/search/search-query.ts";
import { createTestEnv, documentsIn, type RunningPipeline, startPipeline } from "./test-env.ts";

const root = fileURLToPath(new URL("../..", import.meta.url));
const manifest = fileURLToPath(new URL("../../seeds/sources.json", import.meta.url));
const PAIR_EN = "seed-004-peoples-daily-1989-en";
const PAIR_ZH = "seed-004-peoples-daily-1989-zh";

describe("lodestone search on the seeds", () => {
  const t = createTestEnv("search");
  let pipeline: RunningPipeline | undefined;
  let docs: Awaited<ReturnType<typeof documentsIn>>;
  const langOf = (id: string) => docs.find((d) => d._id === id)?._source.lang;

  const search = (options: SearchOptions) =>
    runSearch(t.opensearch, { url: t.config.OPENSEARCH_URL, alias: t.config.INDEX_ALIAS }, options);
  const ids = async (options: SearchOptions) => (await search(options)).hits.map((h) => h.id);

  beforeAll(async () => {
    pipeline = await startPipeline(t);
    const outcomes = await pipeline.ingest(await readSourcesManifest(manifest));
    expect(outcomes.filter((o) => o.status !== "indexed")).toEqual([]);
    docs = await documentsIn(t.opensearch, t.config.INDEX_ALIAS);
    expect(docs).toHaveLength(6);
  });

  afterAll(async () => {
    await pipeline?.close();
    await t.cleanup();
  });

  it("包头 finds English documents (through the Chinese names of their entities)", async () => {
    const found = await ids({ query: "包头" });
    const english = found.filter((id) => langOf(id) === "en");
    expect(english).toEqual(expect.arrayContaining(["seed-001-smm-baotou-forum", PAIR_EN]));
  });

  it("Baotou finds the Chinese original", async () => {
    expect(await ids({ query: "Baotou" })).toContain(PAIR_ZH);
    expect(await ids({ query: "Baotou", lang: "zh" })).toEqual([PAIR_ZH]);
  });

  it("永磁 finds the Chinese document, with the word highlighted in its body", async () => {
    const result = await search({ query: "永磁" });
    expect(result.hits[0]?.id).toBe(PAIR_ZH);
    expect(result.hits[0]?.fragments.join(" ")).toMatch(/\uE000永磁\uE001/);
  });

  it("magnets finds the English documents about magnets, through the stemmer", async () => {
    const result = await search({ query: "magnets" });
    const found = result.hits.map((h) => h.id);
    expect(found).toEqual(expect.arrayContaining(["seed-000-ttm-gong-bin", PAIR_EN]));
    expect(found.every((id) => langOf(id) === "en")).toBe(true);
    // The seeds say "magnet" / "Magnet": only the English analysis makes the plural match.
    const marked = result.hits.flatMap(
      (h) => h.fragments.join(" ").match(/\uE000[^\uE001]+\uE001/g) ?? [],
    );
    expect(marked.map((w) => w.slice(1, -1).toLowerCase())).toContain("magnet");
  });

  it("filters by entity id", async () => {
    const entity = "org:china-northern-rare-earth";
    const expected = docs
      .filter((d) => (d._source.entity_ids as string[] | undefined)?.includes(entity))
      .map((d) => d._id)
      .sort();
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(docs.length);
    expect((await ids({ query: "*", entities: [entity], size: 50 })).sort()).toEqual(expected);
    expect(await ids({ query: "*", entities: [entity, "org:no-such-org"] })).toEqual([]);
  });

  it("filters by publication date, a bare year meaning the whole year", async () => {
    expect((await ids({ query: "*", to: "1989" })).sort()).toEqual([PAIR_EN, PAIR_ZH]);
    const recent = await ids({ query: "*", from: "2000" });
    expect(recent.length).toBeGreaterThan(0);
    expect(recent).not.toContain(PAIR_EN);
  });

  it("returns facet counts over all matches", async () => {
    const result = await search({ query: "*", size: 1 });
    expect(result.total).toBe(6);
    expect(result.hits).toHaveLength(1);
    expect(result.facets.lang).toEqual([
      { value: "en", count: 5 },
      { value: "zh", count: 1 },
    ]);
    expect(result.facets.publisher).toContainEqual({ value: "People's Daily", count: 2 });
    expect(result.facets.organizations.length).toBeGreaterThan(0);
    expect(result.facets.locations.map((b) => b.value)).toContain("Baotou");
    expect(result.facets.persons.length).toBeGreaterThan(0);
    expect(result.facets.materials.length).toBeGreaterThan(0);
  });

  it("shows the counterpart of a document of a bilingual pair", async () => {
    const result = await search({ query: "永磁" });
    const zh = result.hits.find((h) => h.id === PAIR_ZH);
    expect(zh?.translation?.role).toBe("original");
    expect(zh?.translation?.counterpart).toMatchObject({ id: PAIR_EN, lang: "en" });
    expect(zh?.translation?.counterpart.title).toMatch(/17 Units Join Forces/);
    const en = result.hits.find((h) => h.id === PAIR_EN);
    expect(en?.translation?.counterpart).toMatchObject({ id: PAIR_ZH, lang: "zh" });
  });

  it("runs from the command line: JSON output, and a clear error when OpenSearch does not answer", async () => {
    const run = promisify(execFile);
    const cli = ["--import", "tsx", "workers/cli/lodestone.ts", "search"];
    const env = { ...t.env, LODESTONE_AUTO_INFRA: "false" };
    const { stdout } = await run("node", [...cli, "Baotou", "--lang", "zh", "--json"], {
      cwd: root,
      env,
    });
    const json = JSON.parse(stdout) as { total: number; hits: Array<{ id: string }> };
    expect(json.total).toBe(1);
    expect(json.hits[0]?.id).toBe(PAIR_ZH);

    const failure = run("node", [...cli, "Baotou"], {
      cwd: root,
      env: { ...env, OPENSEARCH_URL: "http://127.0.0.1:9" },
    });
    await expect(failure).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/OpenSearch does not answer at http:\/\/127\.0\.0\.1:9/),
    });
  });
});
