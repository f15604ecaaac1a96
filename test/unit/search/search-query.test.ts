import { describe, expect, it } from "vitest";
import { indexTemplate } from "../../../infra/opensearch/index-template.ts";
import {
  mappingFields,
  templateMappings,
} from "../../../workers/dashboards/saved-object-fields.ts";
import {
  buildCounterpartBody,
  buildSearchBody,
  FACET_FIELDS,
  HIGHLIGHT_FIELDS,
  inclusiveUpperBound,
  SEARCH_FIELDS,
} from "../../../workers/search/search-query.ts";

type Body = {
  size: number;
  query: { bool: { must: Array<{ query_string: Record<string, unknown> }>; filter: unknown[] } };
  highlight: { fields: Record<string, unknown> };
  aggs: Record<string, { terms: { field: string; size: number } }>;
};

const body = (input: Parameters<typeof buildSearchBody>[0]) => buildSearchBody(input) as Body;
const fields = mappingFields(templateMappings(indexTemplate("x")));

describe("buildSearchBody", () => {
  it("searches the three analyses of title, subtitle, body, highlights and the entity names", () => {
    const qs = body({ query: "包头" }).query.bool.must[0]?.query_string;
    expect(qs?.query).toBe("包头");
    expect(qs?.default_operator).toBe("AND");
    const searched = ((qs?.fields ?? []) as string[]).map((f) => f.replace(/\^\d+$/, ""));
    for (const f of ["title", "title.en", "title.zh", "subtitle", "subtitle.en", "subtitle.zh"]) {
      expect(searched).toContain(f);
    }
    for (const f of ["body", "body.en", "body.zh", "highlights", "entity_names.text"]) {
      expect(searched).toContain(f);
    }
  });

  it("uses only fields of the template: text fields for search, keyword fields for facets", () => {
    for (const f of SEARCH_FIELDS)
      expect(fields.get(f.replace(/\^\d+$/, ""))?.type, f).toBe("text");
    for (const f of HIGHLIGHT_FIELDS) expect(fields.get(f)?.type, f).toBe("text");
    for (const f of Object.values(FACET_FIELDS)) expect(fields.get(f)?.aggregatable, f).toBe(true);
  });

  it("has no filters without options, and the default size", () => {
    const b = body({ query: "magnets" });
    expect(b.query.bool.filter).toEqual([]);
    expect(b.size).toBe(10);
  });

  it("filters by language, each entity and a published_at range", () => {
    const b = body({
      query: "magnets",
      lang: "en",
      entities: ["org:china-northern-rare-earth", "loc:baotou"],
      from: "2020-01",
      to: "2025",
      size: 3,
    });
    expect(b.size).toBe(3);
    expect(b.query.bool.filter).toEqual([
      { term: { lang: "en" } },
      { term: { entity_ids: "org:china-northern-rare-earth" } },
      { term: { entity_ids: "loc:baotou" } },
      {
        range: {
          published_at: {
            gte: "2020-01",
            lte: "2025||/y",
            format: "strict_date_optional_time||yyyy-MM-dd||yyyy-MM||yyyy",
          },
        },
      },
    ]);
  });

  it("asks for facets on language, publisher and the entity types", () => {
    const aggs = body({ query: "x" }).aggs;
    expect(Object.fromEntries(Object.entries(aggs).map(([k, v]) => [k, v.terms.field]))).toEqual({
      lang: "lang",
      publisher: "source.publisher",
      organizations: "organizations",
      locations: "locations",
      persons: "persons",
      materials: "materials",
    });
  });

  it("highlights the body in its three analyses", () => {
    expect(Object.keys(body({ query: "x" }).highlight.fields)).toEqual(
      expect.arrayContaining(["body", "body.en", "body.zh"]),
    );
  });

  it("rejects bad options", () => {
    expect(() => buildSearchBody({ query: "  " })).toThrow(/empty query/);
    expect(() => buildSearchBody({ query: "x", lang: "English" })).toThrow(/language subtag/);
    expect(() => buildSearchBody({ query: "x", from: "yesterday" })).toThrow(/a date/);
    expect(() => buildSearchBody({ query: "x", size: 0 })).toThrow();
  });
});

describe("inclusiveUpperBound", () => {
  it("rounds a year, month or day up to its end and leaves a date-time alone", () => {
    expect(inclusiveUpperBound("1989")).toBe("1989||/y");
    expect(inclusiveUpperBound("1989-01")).toBe("1989-01||/M");
    expect(inclusiveUpperBound("1989-01-16")).toBe("1989-01-16||/d");
    expect(inclusiveUpperBound("1989-01-16T10:00:00Z")).toBe("1989-01-16T10:00:00Z");
  });
});

describe("buildCounterpartBody", () => {
  it("fetches the given ids with their title and language", () => {
    expect(buildCounterpartBody(["a-zh", "b-en"])).toEqual({
      size: 2,
      _source: ["id", "lang", "title", "translation.role"],
      query: { ids: { values: ["a-zh", "b-en"] } },
    });
  });
});
