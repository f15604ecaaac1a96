/**
 * "A short or mixed-script line gets und or the right language, never a
 * random one": every prefix (4 to 60 characters) of every single-script line
 * of the seeds and fixtures must come out as "und" or as the language of the
 * whole line.
 */
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { detectLanguage } from "../../../pipelines/language/detect-language.ts";
import { loadLabelledSet } from "./labelled-set.ts";
import { repoPath } from "./normalized-input.ts";

const PREFIXES = [4, 8, 12, 16, 20, 30, 40, 60];

function corpusLines(): string[] {
  const files = [
    ...readdirSync(repoPath("seeds")).map((f) => `seeds/${f}`),
    ...readdirSync(repoPath("test/fixtures/bilingual"))
      .filter((f) => f.endsWith(".txt"))
      .map((f) => `test/fixtures/bilingual/${f}`),
  ];
  const lines = files.flatMap((file) => readFileSync(repoPath(file), "utf8").split("\n"));
  const labelled = loadLabelledSet()
    .filter((c) => c.expected.length === 1 && c.expected[0]?.lang !== "und")
    .map((c) => c.text);
  return [...lines, ...labelled].map((line) => line.trim()).filter((line) => line.length >= 40);
}

/** Lines that mix Han and Latin letters have prefixes in either language; they are not single-script. */
const singleScript = (line: string): boolean =>
  !(/\p{Script=Han}/u.test(line) && /\p{Script=Latin}{2}/u.test(line));

describe("short segments", () => {
  const lines = corpusLines().filter(singleScript);

  it("has a real corpus to cut from", () => {
    expect(lines.length).toBeGreaterThan(100);
  });

  it("never labels a prefix with a language other than its line's", () => {
    const wrong: string[] = [];
    let segments = 0;
    let decided = 0;
    for (const line of lines) {
      const truth = detectLanguage(line).lang;
      if (truth === "und") continue;
      const chars = [...line];
      for (const length of PREFIXES.filter((n) => n <= chars.length)) {
        const segment = chars.slice(0, length).join("");
        const guess = detectLanguage(segment);
        segments += 1;
        if (guess.lang !== "und") decided += 1;
        if (guess.lang !== "und" && guess.lang !== truth)
          wrong.push(`${truth}→${guess.lang}: ${segment}`);
      }
    }
    expect(wrong).toEqual([]);
    // Honest "und" must not become the answer to everything.
    expect(decided / segments).toBeGreaterThan(0.4);
  });
});
