import { describe, expect, it } from "vitest";
import { formatResultJson, formatResultText } from "../../../workers/search/format-result.ts";
import { MARK_CLOSE, MARK_OPEN } from "../../../workers/search/search-query.ts";
import {
  counterpartIds,
  searchResponseSchema,
  toCounterparts,
  toSearchResult,
} from "../../../workers/search/search-result.ts";

const m = (s: string) => `${MARK_OPEN}${s}${MARK_CLOSE}`;

// The shape of a real response of the query of buildSearchBody (fields trimmed).
const response = searchResponseSchema.parse({
  took: 7,
  hits: {
    total: { value: 2, relation: "eq" },
    hits: [
      {
        _id: "p-zh",
        _score: 4.5,
        _source: {
          id: "p-zh",
          lang: "zh",
          title: "稀土永磁",
          published_at: "1989-01-16",
          source: { uri: "file:///p.txt", publisher: "People's Daily" },
          translation: { pair_id: "p", role: "original", counterpart_id: "p-en" },
        },
        highlight: {
          body: [`中国稀土${m("永")}${m("磁")}创业集团`],
          "body.zh": [`中国稀土${m("永")}${m("磁")}创业集团\n\n的答案`],
          "entity_names.text": [`中国稀土${m("永磁")}创业集团`],
        },
      },
      {
        _id: "a-en",
        _score: 1.25,
        _source: { id: "a-en", lang: "en", title: null, published_at: null, source: { uri: "u" } },
        highlight: { "body.en": [`permanent ${m("magnet")} materials`] },
      },
    ],
  },
  aggregations: {
    lang: {
      buckets: [
        { key: "en", doc_count: 1 },
        { key: "zh", doc_count: 1 },
      ],
    },
    publisher: { buckets: [{ key: "People's Daily", doc_count: 1 }] },
    organizations: { buckets: [] },
    locations: { buckets: [] },
    persons: { buckets: [] },
    materials: { buckets: [] },
  },
});

const counterparts = toCounterparts(
  searchResponseSchema.parse({
    took: 1,
    hits: {
      total: 1,
      hits: [
        {
          _id: "p-en",
          _source: {
            id: "p-en",
            lang: "en",
            title: "Rare earth magnets",
            translation: { role: "translation" },
          },
        },
      ],
    },
  }),
);

describe("toSearchResult", () => {
  const result = toSearchResult("永磁", response, counterparts);

  it("collects the counterpart ids of paired hits", () => {
    expect(counterpartIds(response)).toEqual(["p-en"]);
  });

  it("prefers the fragments of the document's own language and merges adjacent marks", () => {
    expect(result.hits[0]?.fragments).toEqual([`中国稀土${m("永磁")}创业集团 的答案`]);
    expect(result.hits[1]?.fragments).toEqual([`permanent ${m("magnet")} materials`]);
  });

  it("attaches the counterpart, total, and facets", () => {
    expect(result.total).toBe(2);
    expect(result.hits[0]?.translation).toEqual({
      pair_id: "p",
      role: "original",
      counterpart: { id: "p-en", lang: "en", title: "Rare earth magnets", role: "translation" },
    });
    expect(result.hits[1]?.translation).toBeNull();
    expect(result.facets.lang).toEqual([
      { value: "en", count: 1 },
      { value: "zh", count: 1 },
    ]);
    expect(result.facets.materials).toEqual([]);
  });

  it("prints marks in bold on a terminal and «» otherwise, with the counterpart", () => {
    const plain = formatResultText(result, "guillemets");
    expect(plain).toContain('2 documents for "永磁" (7 ms)');
    expect(plain).toContain("… 中国稀土«永磁»创业集团 的答案 …");
    expect(plain).toContain("translated as p-en [en] Rare earth magnets");
    expect(plain).toContain("(untitled)  [en] a-en");
    expect(plain).toContain("lang: en (1), zh (1)");
    expect(plain).not.toContain(MARK_OPEN);
    const ansi = formatResultText(result, "ansi");
    expect(ansi).toContain("permanent \u001b[1mmagnet\u001b[22m materials");
  });

  it("prints JSON that parses back, with «» marks", () => {
    const json = JSON.parse(formatResultJson(result)) as {
      hits: Array<{ fragments: string[]; translation: { counterpart: { id: string } } | null }>;
    };
    expect(json.hits[1]?.fragments).toEqual(["permanent «magnet» materials"]);
    expect(json.hits[0]?.translation?.counterpart.id).toBe("p-en");
  });
});
