/**
 * What `lodestone search` reports, built from the raw OpenSearch responses:
 * hits with their highlighted fragments, facet counts, and the counterpart of
 * each document of a bilingual pair.
 */
import { z } from "zod";
import { FACET_FIELDS, type FacetName, MARK_CLOSE, MARK_OPEN } from "./search-query.ts";

const sourceSchema = z.looseObject({
  id: z.string(),
  lang: z.string().optional(),
  title: z.string().nullable().optional(),
  published_at: z.string().nullable().optional(),
  source: z
    .looseObject({ uri: z.string().optional(), publisher: z.string().optional() })
    .optional(),
  translation: z
    .looseObject({
      pair_id: z.string().optional(),
      role: z.string().optional(),
      counterpart_id: z.string().optional(),
    })
    .nullable()
    .optional(),
});

const hitSchema = z.object({
  _id: z.string(),
  _score: z.number().nullable().optional(),
  _source: sourceSchema,
  highlight: z.record(z.string(), z.array(z.string())).optional(),
});

export const searchResponseSchema = z.object({
  took: z.number(),
  hits: z.object({
    total: z.union([z.number(), z.object({ value: z.number() })]),
    hits: z.array(hitSchema),
  }),
  aggregations: z
    .record(
      z.string(),
      z.object({
        buckets: z.array(
          z.object({ key: z.union([z.string(), z.number()]), doc_count: z.number() }),
        ),
      }),
    )
    .optional(),
});
export type SearchResponse = z.infer<typeof searchResponseSchema>;
export type RawHit = z.infer<typeof hitSchema>;

export interface Counterpart {
  id: string;
  lang: string | null;
  title: string | null;
  role: string | null;
}

export interface SearchHit {
  id: string;
  score: number | null;
  lang: string | null;
  title: string | null;
  publisher: string | null;
  published_at: string | null;
  uri: string | null;
  /** Body fragments, matches between the MARK_OPEN/MARK_CLOSE characters. */
  fragments: string[];
  /** Entity names the query matched (how `包头` reaches an English article). */
  matched_names: string[];
  translation: { pair_id: string | null; role: string | null; counterpart: Counterpart } | null;
}

export interface SearchResult {
  query: string;
  total: number;
  took_ms: number;
  hits: SearchHit[];
  facets: Record<FacetName, Array<{ value: string; count: number }>>;
}

/** One line per fragment; adjacent marks merge (smartcn may cut `永磁` into `永` + `磁`). */
export function tidyFragment(fragment: string): string {
  return fragment.replaceAll(`${MARK_CLOSE}${MARK_OPEN}`, "").replace(/\s+/g, " ").trim();
}

/** The body sub-field analysed in the document's own language first: its fragments cut best. */
function fragmentsOf(hit: RawHit): string[] {
  const highlight = hit.highlight ?? {};
  const order =
    hit._source.lang === "zh" ? ["body.zh", "body", "body.en"] : ["body.en", "body", "body.zh"];
  for (const field of order) {
    const fragments = highlight[field];
    if (fragments && fragments.length > 0) return fragments.map(tidyFragment);
  }
  return [];
}

export function counterpartIds(response: SearchResponse): string[] {
  const ids = response.hits.hits
    .map((hit) => hit._source.translation?.counterpart_id)
    .filter((id): id is string => typeof id === "string");
  return [...new Set(ids)];
}

export function toCounterparts(response: SearchResponse): Map<string, Counterpart> {
  return new Map(
    response.hits.hits.map((hit) => [
      hit._id,
      {
        id: hit._id,
        lang: hit._source.lang ?? null,
        title: hit._source.title ?? null,
        role: hit._source.translation?.role ?? null,
      },
    ]),
  );
}

export function toSearchResult(
  query: string,
  response: SearchResponse,
  counterparts: ReadonlyMap<string, Counterpart>,
): SearchResult {
  const total =
    typeof response.hits.total === "number" ? response.hits.total : response.hits.total.value;
  const hits = response.hits.hits.map((hit): SearchHit => {
    const source = hit._source;
    const counterpartId = source.translation?.counterpart_id;
    return {
      id: hit._id,
      score: hit._score ?? null,
      lang: source.lang ?? null,
      title: source.title ?? null,
      publisher: source.source?.publisher ?? null,
      published_at: source.published_at ?? null,
      uri: source.source?.uri ?? null,
      fragments: fragmentsOf(hit),
      matched_names: (hit.highlight?.["entity_names.text"] ?? []).map(tidyFragment),
      translation: counterpartId
        ? {
            pair_id: source.translation?.pair_id ?? null,
            role: source.translation?.role ?? null,
            // A counterpart missing from the index still shows its id.
            counterpart: counterparts.get(counterpartId) ?? {
              id: counterpartId,
              lang: null,
              title: null,
              role: null,
            },
          }
        : null,
    };
  });
  const facets = Object.fromEntries(
    Object.keys(FACET_FIELDS).map((name) => [
      name,
      (response.aggregations?.[name]?.buckets ?? []).map((b) => ({
        value: String(b.key),
        count: b.doc_count,
      })),
    ]),
  ) as SearchResult["facets"];
  return { query, total, took_ms: response.took, hits, facets };
}
