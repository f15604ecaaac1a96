/**
 * compromise's sweep with its hooks narrowed to those a text has
 * (compromise-sweep.ts) tags, and finds names, exactly as compromise does
 * on its own: checked on every English text of the entity corpus and the
 * seeds, whole and line by line.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import nlp from "compromise";
import { describe, expect, it } from "vitest";
import { hooksMet, narrowSweeps } from "../../../pipelines/enrich/compromise-sweep.ts";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const textsDir = join(root, "test/fixtures/entities/texts");
const texts = [
  ...readdirSync(textsDir)
    .filter((name) => name.endsWith("-en.txt"))
    .map((name) => readFileSync(join(textsDir, name), "utf8")),
  ...["000_8ecb7e1744039315.txt", "001_52282be795692a14.txt", "002_f5b5b04f6f128909.txt"].map(
    (name) => readFileSync(join(root, "seeds", name), "utf8"),
  ),
];

/** Every term's tags, and the people, places and organisations compromise reads in `text`. */
function reading(text: string) {
  const doc = nlp(text);
  return {
    // Term ids count every term compromise ever made: they differ between any two readings.
    tags: JSON.stringify(doc.json({ terms: { tags: true } }), (key, value) =>
      key === "id" ? undefined : value,
    ),
    people: doc.people().out("array"),
    places: doc.places().out("array"),
    organizations: doc.organizations().out("array"),
  };
}

describe("compromise's sweep, narrowed to the hooks a text has", () => {
  it("reads every text as compromise does on its own", () => {
    const inputs = texts.flatMap((text) => [
      text,
      ...text.split("\n").filter((line) => line.trim()),
    ]);
    expect(inputs.length).toBeGreaterThan(100);
    const undo = narrowSweeps();
    const narrowed = inputs.map(reading);
    undo();
    const plain = inputs.map(reading);
    expect(narrowed).toEqual(plain);
    // A reading that names nobody would make the comparison idle.
    expect(plain.flatMap((r) => r.people).length).toBeGreaterThan(20);
  });

  it("keeps the hooks a sentence has, in the pattern set's own order", () => {
    const hooks = { "#Noun": [1], the: [2], "2": [3], said: [4], "#Verb": [5], "1": [6] };
    const met = hooksMet(hooks, [new Set(["said", "#Noun", "zzz"]), new Set(["2", "1"])]);
    expect(Object.keys(met)).toEqual(
      Object.keys(hooks).filter((k) => k !== "the" && k !== "#Verb"),
    );
    expect(met.said).toBe(hooks.said);
  });
});
