/** The labelled paragraph set in test/fixtures/bilingual/labelled-paragraphs.tsv. */
import { readFileSync } from "node:fs";
import { repoPath } from "./normalized-input.ts";

export interface LabelledCase {
  /** Acceptable answers, each a language with an optional script: "zh/Hant", "und". */
  expected: Array<{ lang: string; script?: string }>;
  text: string;
}

export function loadLabelledSet(): LabelledCase[] {
  const raw = readFileSync(repoPath("test/fixtures/bilingual/labelled-paragraphs.tsv"), "utf8");
  return raw
    .split("\n")
    .filter((line) => line.trim() !== "" && !line.startsWith("#"))
    .map((line) => {
      const [expected = "", text = ""] = line.split("\t");
      return {
        text,
        expected: expected.split("|").map((alternative) => {
          const [lang = "", script] = alternative.split("/");
          return script === undefined ? { lang } : { lang, script };
        }),
      };
    });
}

export function isAccepted(
  testCase: LabelledCase,
  guess: { lang: string; script?: string },
): boolean {
  return testCase.expected.some(
    (option) =>
      option.lang === guess.lang && (option.script === undefined || option.script === guess.script),
  );
}
