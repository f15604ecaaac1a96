/**
 * The index template owns the mapping of every versioned index behind the
 * alias. Text is analysed three ways: ICU (language-neutral, folded) as the
 * main field, English (stemmed) and smartcn (Chinese words) as sub-fields.
 * Entity names are keyword facets and searchable text in both languages, so
 * `包头` finds an English article about Baotou and `Baotou` the Chinese one.
 */
const multilingualText = {
  type: "text",
  analyzer: "lodestone_icu",
  fields: {
    en: { type: "text", analyzer: "lodestone_english" },
    zh: { type: "text", analyzer: "smartcn" },
  },
} as const;

const facet = {
  type: "keyword",
  fields: { text: { type: "text", analyzer: "lodestone_icu" } },
} as const;

export const TEMPLATE_VERSION = 1;

/** The settings an operator sizes for the cluster (INDEX_SHARDS, INDEX_REPLICAS, INDEX_REFRESH_INTERVAL). */
export interface IndexSizing {
  shards: number;
  replicas: number;
  refreshInterval: string;
}

/** One shard, no replica, searchable within a second: a single local node. */
export const SINGLE_NODE: IndexSizing = { shards: 1, replicas: 0, refreshInterval: "1s" };

/** The index template of the versioned indices behind `alias`, sized for the cluster. */
export function indexTemplate(
  alias: string,
  sizing: IndexSizing = SINGLE_NODE,
): Record<string, unknown> {
  return {
    index_patterns: [`${alias}-v*`],
    priority: 100,
    version: TEMPLATE_VERSION,
    _meta: { owner: "lodestone", description: "documents of the Lodestone pipeline" },
    template: {
      settings: {
        number_of_shards: sizing.shards,
        number_of_replicas: sizing.replicas,
        refresh_interval: sizing.refreshInterval,
        // A Dashboards query-bar search reaches the analysed text and entity names in both languages.
        "index.query.default_field": [
          "title",
          "title.en",
          "title.zh",
          "subtitle",
          "subtitle.en",
          "subtitle.zh",
          "body",
          "body.en",
          "body.zh",
          "highlights",
          "entity_names.text",
        ],
        analysis: {
          analyzer: {
            lodestone_icu: {
              type: "custom",
              tokenizer: "icu_tokenizer",
              filter: ["icu_folding"],
            },
            lodestone_english: {
              type: "custom",
              tokenizer: "standard",
              filter: ["english_possessive", "lowercase", "english_stop", "english_stemmer"],
            },
          },
          filter: {
            english_possessive: { type: "stemmer", language: "possessive_english" },
            english_stop: { type: "stop", stopwords: "_english_" },
            english_stemmer: { type: "stemmer", language: "english" },
          },
        },
      },
      mappings: {
        dynamic: false,
        properties: {
          id: { type: "keyword" },
          source: {
            properties: {
              id: { type: "keyword" },
              uri: { type: "keyword" },
              name: { type: "keyword" },
              publisher: facet,
            },
          },
          lang: { type: "keyword" },
          lang_confidence: { type: "float" },
          script: { type: "keyword" },
          title: multilingualText,
          subtitle: multilingualText,
          author: facet,
          published_at: {
            type: "date",
            format: "strict_date_optional_time||yyyy-MM-dd||yyyy-MM||yyyy",
          },
          body: multilingualText,
          highlights: multilingualText,
          fields: { type: "object", dynamic: true },
          translation: {
            properties: {
              pair_id: { type: "keyword" },
              role: { type: "keyword" },
              counterpart_id: { type: "keyword" },
              aligned_paragraphs: { type: "integer", index: false },
            },
          },
          entities: {
            properties: {
              id: { type: "keyword" },
              type: { type: "keyword" },
              name: { type: "keyword" },
              names: { type: "object", dynamic: true },
              value: { type: "double" },
              unit: { type: "keyword" },
              // Offsets are for highlighting in clients, not for search.
              mentions: { type: "object", enabled: false },
            },
          },
          entity_ids: { type: "keyword" },
          entity_names: facet,
          names_zh: facet,
          persons: facet,
          organizations: facet,
          locations: facet,
          materials: facet,
          repairs: {
            properties: {
              kind: { type: "keyword" },
              count: { type: "integer" },
              detail: { type: "text" },
            },
          },
          repair_kinds: { type: "keyword" },
          encoding: {
            properties: {
              detected: { type: "keyword" },
              declared: { type: "keyword" },
              confidence: { type: "float" },
            },
          },
          content_hash: { type: "keyword" },
          fetched_at: { type: "date" },
        },
        dynamic_templates: [
          { strings_as_keywords: { match_mapping_type: "string", mapping: { type: "keyword" } } },
        ],
      },
    },
  };
}
