import { readdirSync, readFileSync } from "node:fs";
import { francAll } from "franc";
import { describe, expect, it } from "vitest";
import { rankLanguages } from "../../../pipelines/language/trigram-ranker.ts";
import { loadLabelledSet } from "./labelled-set.ts";
import { repoPath } from "./normalized-input.ts";

const CANDIDATES: Array<[string, string[]]> = [
  [
    "Latin",
    ["eng", "fra", "deu", "spa", "por", "ita", "nld", "swe", "pol", "ces", "tur", "vie", "ind"],
  ],
  ["Cyrillic", ["rus", "ukr"]],
  ["Arabic", ["arb", "pes", "urd"]],
  ["Devanagari", ["hin", "mar", "npi"]],
];

/**
 * Lines of every kind the repository holds: the labelled set, the seeds, the
 * bilingual fixtures, and the charset and mojibake texts in some forty languages.
 */
function paragraphs(): string[] {
  const texts = loadLabelledSet().map((c) => c.text);
  const files = ["test/fixtures/charset/texts.txt", "test/fixtures/mojibake/source-texts.txt"];
  for (const dir of ["seeds", "test/fixtures/bilingual"]) {
    for (const name of readdirSync(repoPath(dir))) {
      if (/\.(txt|md)$/.test(name)) files.push(`${dir}/${name}`);
    }
  }
  for (const file of files) texts.push(...readFileSync(repoPath(file), "utf8").split("\n"));
  return texts.filter((text) => text.trim().length >= 15);
}

const EDGE_CASES = [
  "Ｒａｒｅ ｅａｒｔｈ ｐｒｉｃｅｓ ｒｏｓｅ ａｇａｉｎ ｔｈｉｓ ｗｅｅｋ", // fullwidth Latin
  "The price of தமிழ் நாடு மாநிலத்தில் அரிய மண் rose", // more Tamil letters than Latin
  "Цены на редкоземельные металлы выросли на 5% за неделю.",
  "أسعار المعادن الأرضية النادرة ارتفعت هذا الأسبوع",
  "दुर्लभ पृथ्वी धातुओं की कीमतें इस सप्ताह बढ़ीं",
  "Les prix des terres rares ont augmenté de 12 % cette semaine à Baotou.",
  "1234567890 !!! ??? ... 2024-05-01 12:00",
  `${"Neodymium oxide prices climbed again as buyers restocked. ".repeat(60)}Ende.`,
  // Context-dependent lower case (a final Σ), surrogate pairs, and every kind of space.
  "The ΣΟΦΟΣ index and the ΚΟΣΜΟΣ fund rose — rare earths 📈 up again today",
  "Prix\u00a0des terres\u2028rares\u3000en hausse\tà Baotou\u202fcette semaine\ufeff.",
  // Longer in lower case than the sample: İ becomes two code units.
  "İİİ İSTANBUL İHRACATÇILARI ".repeat(120),
];

describe("franc's ranking without franc's per-call cost", () => {
  it("gives francAll's candidates and scores, to the last digit", () => {
    const texts = [...paragraphs(), ...EDGE_CASES];
    expect(texts.length).toBeGreaterThan(200);
    let compared = 0;
    for (const text of texts) {
      for (const [script, only] of CANDIDATES) {
        const expected = francAll(text, { only, minLength: 15 });
        const actual = rankLanguages(text, script, only);
        // Where franc finds another script on top it answers "und": so must we.
        if (expected[0]?.[0] === "und") expect(actual, text).toEqual([["und", 1]]);
        else {
          expect(actual, text).toEqual(expected);
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(200);
  });
});
