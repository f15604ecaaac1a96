/**
 * Which letters one language writes together (shared/text/alphabets.ts),
 * from Unicode CLDR's exemplar characters: the shipped table
 * is what its builder makes of the `cldr-misc-full` package, and it knows
 * the alphabets the repair's signatures lean on.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { shareAnAlphabet } from "../../../shared/text/alphabets.ts";
import { buildAlphabetsJson, exemplarChars } from "../../../shared/text/alphabets-build.ts";

describe("alphabets", () => {
  it("ship exactly what the builder makes of CLDR's exemplar characters", () => {
    const shipped = readFileSync(
      new URL("../../../shared/text/alphabet-data.json", import.meta.url),
      "utf8",
    );
    expect(buildAlphabetsJson() === shipped).toBe(true);
  });

  it("reads CLDR's sets: ranges expanded, sequences in braces left out", () => {
    expect(exemplarChars("[a-c ą {ch} ż]").filter((c) => c !== " ")).toEqual([
      "a",
      "b",
      "c",
      "ą",
      "ż",
    ]);
  });

  it("knows which letters one language writes together", () => {
    expect(shareAnAlphabet("Ă", "ș")).toBe(true); // Romanian
    expect(shareAnAlphabet("Ă", "Ş")).toBe(true); // Romanian with a cedilla, as old text has it
    expect(shareAnAlphabet("Ä", "š")).toBe(true); // Slovak
    expect(shareAnAlphabet("ƒ", "ã")).toBe(true); // Ewe
    expect(shareAnAlphabet("Ă", "ą")).toBe(false);
    expect(shareAnAlphabet("Ć", "Ŗ")).toBe(false);
    expect(shareAnAlphabet("Ē", "ø")).toBe(false);
  });
});
