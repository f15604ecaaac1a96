import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { enrich } from "../../../pipelines/enrich/enrich.ts";
import { facetsOf } from "../../../pipelines/index/entity-facets.ts";
import type { LanguageDocument } from "../../../shared/document.ts";

const fixture = (name: string) =>
  readFileSync(new URL(`../../fixtures/entities/texts/${name}.txt`, import.meta.url), "utf8");

function languageDocument(id: string, lang: string, body: string): LanguageDocument {
  return {
    id,
    source: { id: "src-004", uri: "file:///seeds/004_17ef80d675522a88.txt" },
    title: null,
    published_at: "1989-01-16",
    body,
    repairs: [],
    encoding: { detected: "utf-8" },
    content_hash: "hash",
    fetched_at: "2026-11-23T00:00:00Z",
    lang,
    lang_confidence: 1,
  };
}

describe("seed 004: the English translation and the Chinese original", () => {
  const en = enrich(languageDocument("doc-004-en", "en", fixture("seed-004-en")));
  const zh = enrich(languageDocument("doc-004-zh", "zh", fixture("seed-004-zh")));
  const ids = (doc: typeof en) => new Set(doc.entities.map((e) => e.id));

  it("share canonical ids for NdFeB, the Baotou institute and the Academy of Sciences", () => {
    for (const id of [
      "mat:ndfeb",
      "org:baotou-rare-earth-research-institute",
      "org:cas",
      "org:china-rare-earth-pm-group",
      "org:ministry-of-metallurgical-industry",
      "org:jilin-8272-factory",
      "org:shanghai-yuelong",
      "date:1989-01-14",
      "date:1983",
      "pct:90",
    ]) {
      expect(ids(en).has(id), `${id} in English`).toBe(true);
      expect(ids(zh).has(id), `${id} in Chinese`).toBe(true);
    }
  });

  it("keeps the document and adds entities", () => {
    expect(en.id).toBe("doc-004-en");
    expect(en.body).toBe(fixture("seed-004-en"));
    const ndfeb = zh.entities.find((e) => e.id === "mat:ndfeb");
    expect(ndfeb?.mentions.map((m) => m.text)).toEqual(["钕铁硼", "钕铁硼", "钕铁硼", "钕铁硼"]);
  });

  it("gives both documents the same facet values, so either language finds both", () => {
    const enFacets = facetsOf(en.entities);
    const zhFacets = facetsOf(zh.entities);
    expect(enFacets.materials).toContain("NdFeB");
    expect(zhFacets.materials).toContain("NdFeB");
    expect(enFacets.names_zh).toContain("钕铁硼");
    expect(zhFacets.names_zh).toContain("钕铁硼");
    expect(zhFacets.organizations).toContain("Chinese Academy of Sciences");
    expect(enFacets.locations).toEqual(zhFacets.locations);
  });
});

describe("facetsOf", () => {
  it("lists canonical names by type, Chinese names and ids, without repeats", () => {
    const doc = enrich(
      languageDocument(
        "x",
        "und",
        "Gong Bin of China Northern Rare Earth visited 包头 and Baotou in 2024.",
      ),
    );
    expect(facetsOf(doc.entities)).toEqual({
      persons: ["Gong Bin"],
      organizations: ["China Northern Rare Earth"],
      locations: ["Baotou"],
      materials: [],
      names_zh: ["北方稀土", "包头"],
      entity_ids: ["per:gong-bin", "org:china-northern-rare-earth", "loc:baotou", "date:2024"],
    });
  });
});

describe("enrich", () => {
  it("lists entities named only in the title or highlights, without mentions", () => {
    const doc = {
      ...languageDocument("t", "en", "Gong Bin improved yields by 90%."),
      title: "Gong Bin of China Northern Rare Earth",
      highlights: ["Hefeng Rare Earth saved RMB 1.71M"],
    };
    const entities = enrich(doc).entities;
    expect(entities.map((e) => [e.id, e.mentions.length])).toEqual([
      ["per:gong-bin", 1],
      ["pct:90", 1],
      ["org:china-northern-rare-earth", 0],
      ["org:hefeng-rare-earth", 0],
      ["money:cny:1710000", 0],
    ]);
  });
});
