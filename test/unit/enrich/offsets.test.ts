import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { findEntities } from "../../../pipelines/enrich/find-entities.ts";

const fixture = (name: string) =>
  readFileSync(new URL(`../../fixtures/entities/texts/${name}.txt`, import.meta.url), "utf8");

describe("mentions", () => {
  it("slice exactly out of the body, in UTF-16 offsets, even after astral characters", () => {
    const text = "𝐍𝐞𝐰𝐬 🧲 包头 and Baotou: ＣＮＲＥ bought ３０００吨 for ¥750,000 😀 in 2024.";
    const entities = findEntities(text, "und");
    expect(entities.length).toBeGreaterThan(4);
    for (const entity of entities) {
      for (const m of entity.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
    }
    expect(entities.find((e) => e.id === "loc:baotou")?.mentions.map((m) => m.text)).toEqual([
      "包头",
      "Baotou",
    ]);
  });

  it("are exact on every gold text, sorted, one entity per id", () => {
    for (const name of ["seed-001-en", "seed-004-zh", "own-002-zh", "heldout-001-en"]) {
      const text = fixture(name);
      const entities = findEntities(text, name.endsWith("zh") ? "zh" : "en");
      const ids = entities.map((e) => e.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const entity of entities) {
        const starts = entity.mentions.map((m) => m.start);
        expect(starts).toEqual([...starts].sort((a, b) => a - b));
        for (const m of entity.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
      }
    }
  });

  it("never overlap one another", () => {
    const text = fixture("seed-001-en");
    const spans = findEntities(text, "en")
      .flatMap((e) => e.mentions)
      .sort((a, b) => a.start - b.start);
    for (let i = 1; i < spans.length; i++) {
      expect(spans[i]?.start).toBeGreaterThanOrEqual(spans[i - 1]?.end ?? 0);
    }
  });

  it("gathers every mention of an entity, in both scripts", () => {
    const text = "Baogang Group said Baogang’s unit 包钢 and 包钢集团 grew.";
    const [baogang] = findEntities(text, "und");
    expect(baogang?.id).toBe("org:baogang");
    expect(baogang?.mentions.map((m) => m.text)).toEqual([
      "Baogang Group",
      "Baogang",
      "包钢",
      "包钢集团",
    ]);
  });
});
