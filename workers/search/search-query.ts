/**
 * The OpenSearch request behind `lodestone search`: a query_string over the
 * text analysed three ways (ICU, English stemmed, Chinese smartcn) and the
 * entity names in both languages, so `包头` reaches an English article through
 * its entities and `magnets` reaches `magnet` through the English stemmer.
 */
import { z } from "zod";

export const SEARCH_FIELDS = [
  "title^3",
  "title.en^3",
  "title.zh^3",
  "subtitle^2",
  "subtitle.en^2",
  "subtitle.zh^2",
  "body",
  "body.en",
  "body.zh",
  "highlights",
  "highlights.en",
  "highlights.zh",
  "entity_names.text^2",
] as const;

export const HIGHLIGHT_FIELDS = ["body", "body.en", "body.zh", "entity_names.text"] as const;

/** Facet name → keyword field aggregated over the whole matching set. */
export const FACET_FIELDS = {
  lang: "lang",
  publisher: "source.publisher",
  organizations: "organizations",
  locations: "locations",
  persons: "persons",
  materials: "materials",
} as const;
export type FacetName = keyof typeof FACET_FIELDS;

/** Private-use characters: they never occur in the text, so the formatter can find them safely. */
export const MARK_OPEN = "\uE000";
export const MARK_CLOSE = "\uE001";

// yyyy, yyyy-MM, yyyy-MM-dd or a full ISO 8601 date-time.
const datePattern = /^\d{4}(-\d{2}(-\d{2}([T ][0-9:.]+(Z|[+-]\d{2}:?\d{2})?)?)?)?$/;

export const searchOptionsSchema = z.object({
  query: z.string().trim().min(1, "an empty query"),
  lang: z
    .string()
    .regex(/^[a-z]{2,3}$/, "a language subtag such as en or zh")
    .optional(),
  entities: z.array(z.string().min(1)).default([]),
  from: z.string().regex(datePattern, "a date such as 2025, 2025-11 or 2025-11-21").optional(),
  to: z.string().regex(datePattern, "a date such as 2025, 2025-11 or 2025-11-21").optional(),
  size: z.number().int().min(1).max(100).default(10),
  facetSize: z.number().int().min(1).max(100).default(10),
});
export type SearchOptions = z.input<typeof searchOptionsSchema>;
export type ParsedSearchOptions = z.output<typeof searchOptionsSchema>;

/** An upper bound given as a year, month or day includes the whole of it (date-math rounding). */
export function inclusiveUpperBound(date: string): string {
  if (/^\d{4}$/.test(date)) return `${date}||/y`;
  if (/^\d{4}-\d{2}$/.test(date)) return `${date}||/M`;
  if (/^\d{4}-\d{2}-\d{2}$/.test(date)) return `${date}||/d`;
  return date;
}

function filters(options: ParsedSearchOptions): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  if (options.lang) out.push({ term: { lang: options.lang } });
  for (const entity of options.entities) out.push({ term: { entity_ids: entity } });
  if (options.from || options.to) {
    out.push({
      range: {
        published_at: {
          ...(options.from ? { gte: options.from } : {}),
          ...(options.to ? { lte: inclusiveUpperBound(options.to) } : {}),
          format: "strict_date_optional_time||yyyy-MM-dd||yyyy-MM||yyyy",
        },
      },
    });
  }
  return out;
}

export function buildSearchBody(input: SearchOptions): Record<string, unknown> {
  const options = searchOptionsSchema.parse(input);
  return {
    size: options.size,
    track_total_hits: true,
    _source: { excludes: ["body", "entities", "translation.aligned_paragraphs"] },
    query: {
      bool: {
        must: [
          {
            query_string: {
              query: options.query,
              fields: [...SEARCH_FIELDS],
              // Every word must match somewhere; a Chinese word the English analyser cuts into
              // characters must then match all of them, which keeps English text out of `永磁`.
              default_operator: "AND",
              lenient: true,
            },
          },
        ],
        filter: filters(options),
      },
    },
    highlight: {
      pre_tags: [MARK_OPEN],
      post_tags: [MARK_CLOSE],
      require_field_match: true,
      fields: {
        body: { fragment_size: 160, number_of_fragments: 3 },
        "body.en": { fragment_size: 160, number_of_fragments: 3 },
        "body.zh": { fragment_size: 80, number_of_fragments: 3 },
        "entity_names.text": { number_of_fragments: 0 },
      },
    },
    aggs: Object.fromEntries(
      Object.entries(FACET_FIELDS).map(([name, field]) => [
        name,
        { terms: { field, size: options.facetSize } },
      ]),
    ),
  };
}

/** The counterparts of the bilingual documents among the hits: id, language and title only. */
export function buildCounterpartBody(ids: readonly string[]): Record<string, unknown> {
  return {
    size: ids.length,
    _source: ["id", "lang", "title", "translation.role"],
    query: { ids: { values: [...ids] } },
  };
}
