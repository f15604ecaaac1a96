/**
 * The saved objects of infra/dashboards against a LIVE index (there is no
 * Dashboards server here): every field they use exists in the mapping that
 * OpenSearch reports, aggregatable where aggregated; every saved search's
 * query and filters, and every visualization's aggregations, run without
 * error on the seeds and count what they should.
 */
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { searchRaw } from "../../shared/opensearch.ts";
import { readSourcesManifest } from "../../shared/sources-manifest.ts";
import { readSavedObjectFiles, type SavedObject } from "../../workers/dashboards/saved-object.ts";
import {
  fieldProblems,
  fieldUses,
  mappingFields,
} from "../../workers/dashboards/saved-object-fields.ts";
import {
  type SearchSource,
  searchSourceOf,
  stringAttribute,
  visStateOf,
} from "../../workers/dashboards/saved-object-views.ts";
import { ensureIndex } from "../../workers/indexing/ensure-index.ts";
import { createTestEnv, documentsIn, type RunningPipeline, startPipeline } from "./test-env.ts";

const dir = fileURLToPath(new URL("../../infra/dashboards", import.meta.url));
const manifest = fileURLToPath(new URL("../../seeds/sources.json", import.meta.url));

interface Hits {
  hits: { total: { value: number }; hits: Array<{ _id: string }> };
  aggregations?: Record<string, { buckets: Array<{ key: string | number; doc_count: number }> }>;
}

/** The query Dashboards sends for a search source: its query bar plus its enabled filters. */
function searchSourceQuery(source: SearchSource): Record<string, unknown> {
  const must: unknown[] = [];
  const query = source.query?.query;
  if (typeof query === "string" && query.trim() !== "") {
    // Only Lucene syntax maps onto the DSL directly; the shipped objects use empty queries.
    if (source.query?.language !== "lucene")
      throw new Error(`cannot run a ${source.query?.language} query`);
    must.push({ query_string: { query } });
  }
  const filter: unknown[] = [];
  const mustNot: unknown[] = [];
  for (const f of source.filter) {
    if (f.meta.disabled) continue;
    const clause = f.exists ? { exists: f.exists } : f.query;
    if (!clause) throw new Error(`filter of type ${f.meta.type} has no query`);
    (f.meta.negate ? mustNot : filter).push(clause);
  }
  return { bool: { must, filter, must_not: mustNot } };
}

describe("Dashboards saved objects against the live mapping and the seeds", () => {
  const t = createTestEnv("dashboards");
  let pipeline: RunningPipeline | undefined;
  let objects: SavedObject[];
  const byId = (id: string) => {
    const object = objects.find((o) => o.id === id);
    if (!object) throw new Error(`no saved object ${id}`);
    return object;
  };

  beforeAll(async () => {
    objects = (await readSavedObjectFiles(dir)).flatMap((f) => f.objects);
    await ensureIndex(t.opensearch, t.config.INDEX_ALIAS);
  });

  afterAll(async () => {
    await pipeline?.close();
    await t.cleanup();
  });

  it("uses only fields of the live mapping, with aggregatable types where aggregated", async () => {
    const response = await t.opensearch.indices.getMapping({ index: t.config.INDEX_ALIAS });
    const indices = Object.values(response.body as Record<string, { mappings: unknown }>);
    expect(indices).toHaveLength(1);
    const fields = mappingFields(indices[0]?.mappings);
    // The live mapping really is the template's: analysed sub-fields and keyword facets.
    expect(fields.get("body.zh")?.type).toBe("text");
    expect(fields.get("organizations")?.aggregatable).toBe(true);
    const uses = fieldUses(objects);
    expect(uses.length).toBeGreaterThan(20);
    expect(fieldProblems(uses, fields)).toEqual([]);
  });

  describe("with the seeds indexed", () => {
    let docs: Awaited<ReturnType<typeof documentsIn>>;
    const run = (body: Record<string, unknown>) =>
      searchRaw<Hits>(t.opensearch, t.config.INDEX_ALIAS, { track_total_hits: true, ...body });
    const idsOf = (response: Hits) => response.hits.hits.map((h) => h._id).sort();

    beforeAll(async () => {
      pipeline = await startPipeline(t);
      const outcomes = await pipeline.ingest(await readSourcesManifest(manifest));
      expect(outcomes.filter((o) => o.status !== "indexed")).toEqual([]);
      docs = await documentsIn(t.opensearch, t.config.INDEX_ALIAS);
      expect(docs).toHaveLength(6);
    });

    it("runs every saved search, which selects the documents its title promises", async () => {
      const results = new Map<string, string[]>();
      for (const search of objects.filter((o) => o.type === "search")) {
        const response = await run({
          size: 100,
          query: searchSourceQuery(searchSourceOf(search)),
        });
        results.set(search.id, idsOf(response));
      }
      const where = (test: (source: Record<string, unknown>) => boolean) =>
        docs
          .filter((d) => test(d._source))
          .map((d) => d._id)
          .sort();
      expect(results.get("lodestone-search-all")).toEqual(where(() => true));
      expect(results.get("lodestone-search-bilingual-pairs")).toEqual([
        "seed-004-peoples-daily-1989-en",
        "seed-004-peoples-daily-1989-zh",
      ]);
      const repaired = where((s) => Array.isArray(s.repair_kinds) && s.repair_kinds.length > 0);
      expect(repaired.length).toBeGreaterThan(0);
      expect(results.get("lodestone-search-repaired")).toEqual(repaired);
      const undated = where((s) => s.published_at === null || s.published_at === undefined);
      expect(undated.length).toBeGreaterThan(0);
      expect(results.get("lodestone-search-undated")).toEqual(undated);
    });

    it("runs every visualization's aggregations, within its saved search when it has one", async () => {
      const counts = new Map<string, Map<string, number>>();
      for (const vis of objects.filter((o) => o.type === "visualization")) {
        const savedSearch = stringAttribute(vis, "savedSearchRefName");
        const searchId = vis.references.find((r) => r.name === savedSearch)?.id;
        const source = searchSourceOf(searchId ? byId(searchId) : vis);
        const aggs: Record<string, unknown> = {};
        for (const agg of visStateOf(vis).aggs) {
          const field = agg.params.field;
          if (agg.type === "terms") aggs[agg.id] = { terms: { field, size: agg.params.size } };
          // Dashboards turns "auto" into a concrete interval from the time range; a year fits 1989–2025.
          else if (agg.type === "date_histogram") {
            aggs[agg.id] = {
              date_histogram: { field, calendar_interval: "year", min_doc_count: 1 },
            };
          } else expect(agg.type).toBe("count");
        }
        const response = await run({ size: 0, query: searchSourceQuery(source), aggs });
        const buckets = Object.values(response.aggregations ?? {})[0]?.buckets ?? [];
        expect(buckets.length, vis.id).toBeGreaterThan(0);
        counts.set(vis.id, new Map(buckets.map((b) => [String(b.key), b.doc_count])));
      }
      expect(counts.get("lodestone-vis-by-language")).toEqual(
        new Map([
          ["en", 5],
          ["zh", 1],
        ]),
      );
      expect(counts.get("lodestone-vis-by-publisher")?.get("People's Daily")).toBe(2);
      const years = [...(counts.get("lodestone-vis-over-time")?.keys() ?? [])].map((k) =>
        new Date(Number(k)).getUTCFullYear(),
      );
      expect(years).toContain(1989);
      expect(counts.get("lodestone-vis-top-locations")?.has("Baotou")).toBe(true);
    });
  });
});
