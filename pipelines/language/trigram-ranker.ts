/**
 * franc's trigram ranking — its models, its cleaning, its distance and its
 * normalisation, so the scores are franc's to the last digit (the unit test
 * compares them with `francAll`) — at a fraction of its cost per call.
 *
 * franc answers each call by building an object-keyed trigram dictionary,
 * sorting it, guessing the script with a dozen regular expressions, and then
 * looking every trigram up once per candidate language. We already know the
 * script and the candidates, so the models of a candidate set are merged
 * into one table (trigram → its rank in each candidate's model), built once:
 * each trigram of the text costs one Map lookup whatever the number of
 * candidates. That was over half of the language stage's time.
 */
import { data } from "franc/data.js";
import { expressions } from "franc/expressions.js";

/** franc's sample cap and its penalty for a trigram the model lacks. */
const MAX_LENGTH = 2048;
const MAX_DIFFERENCE = 300;

/** The candidates' ranks per trigram (keyed by trigramKey); -1 where a candidate's model lacks it. */
interface CandidateTable {
  languages: string[];
  ranks: Map<number, Int16Array>;
}

/**
 * Three UTF-16 code units as one exact number (below 2^48): a Map keyed by
 * numbers needs neither a 3-character string per trigram nor its hash.
 */
function trigramKey(value: string, at: number): number {
  return (
    (value.charCodeAt(at) * 0x10000 + value.charCodeAt(at + 1)) * 0x10000 + value.charCodeAt(at + 2)
  );
}

const tables = new Map<string, CandidateTable>();

function tableFor(script: string, only: readonly string[]): CandidateTable {
  const key = `${script}:${only.join(",")}`;
  const cached = tables.get(key);
  if (cached) return cached;
  const models = data[script];
  if (models === undefined) throw new Error(`franc has no trigram models for script ${script}`);
  // franc's order: the models' own order, filtered; ties in distance keep it.
  const languages = Object.keys(models).filter((language) => only.includes(language));
  const ranks = new Map<number, Int16Array>();
  languages.forEach((language, column) => {
    const model = (models[language] ?? "").split("|");
    // From the end, as franc builds its dictionaries, so a repeated trigram keeps its first rank.
    for (let rank = model.length - 1; rank >= 0; rank--) {
      const trigram = model[rank] ?? "";
      // Only three code units can equal a trigram of the text.
      if (trigram.length !== 3) continue;
      const key = trigramKey(trigram, 0);
      let row = ranks.get(key);
      if (row === undefined) {
        row = new Int16Array(languages.length).fill(-1);
        ranks.set(key, row);
      }
      row[column] = rank;
    }
  });
  const table = { languages, ranks };
  tables.set(key, table);
  return table;
}

/** trigram-utils' `clean`: ASCII punctuation and digits to spaces, whitespace collapsed, lower case. */
function clean(value: string): string {
  return value
    .replace(/[\u0021-\u0040]+/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();
}

/** The text's trigrams (trigram-utils' padding and cleaning) by trigramKey, with their counts. */
function trigramCounts(value: string): Map<number, number> {
  const padded = ` ${clean(value)} `;
  const counts = new Map<number, number>();
  for (let i = 0; i + 3 <= padded.length; i++) {
    const key = trigramKey(padded, i);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** franc's choice of script: the expression matching the largest share of the sample, first on ties. */
function topScript(value: string): string | undefined {
  let top: string | undefined;
  let topShare = -1;
  for (const [script, expression] of Object.entries(expressions)) {
    const share = (value.match(expression)?.length ?? 0) / value.length || 0;
    if (share > topShare) {
      topShare = share;
      top = script;
    }
  }
  return top;
}

/** Letters, all of them ASCII: no other expression of franc's can outweigh Latin. */
function asciiLettersOnly(value: string): boolean {
  return /[A-Za-z]/.test(value) && !/[^\P{L}\p{ASCII}]/u.test(value);
}

/**
 * The candidates ranked as `francAll(text, { only })` ranks them, for text
 * expected in `script` (franc's name: "Latin", "Cyrillic", …): [language,
 * score] pairs, best first, scores in 0..1; [["und", 1]] where franc would
 * find another script on top (and so none of the candidates).
 */
export function rankLanguages(
  text: string,
  script: string,
  only: readonly string[],
): Array<[string, number]> {
  const value = text.slice(0, MAX_LENGTH);
  // franc's dozen regular expressions are needed only when letters beyond ASCII could tip it.
  const francScript = script === "Latin" && asciiLettersOnly(value) ? "Latin" : topScript(value);
  if (francScript !== script) return [["und", 1]];
  const { languages, ranks } = tableFor(script, only);
  const distances = new Float64Array(languages.length);
  for (const [trigram, count] of trigramCounts(value)) {
    const row = ranks.get(trigram);
    for (let column = 0; column < languages.length; column++) {
      const rank = row === undefined ? -1 : (row[column] ?? -1);
      const difference = rank < 0 ? MAX_DIFFERENCE : Math.abs(count - rank - 1);
      distances[column] = (distances[column] ?? 0) + difference;
    }
  }
  const ranked = languages.map((language, column): [string, number] => [
    language,
    distances[column] ?? 0,
  ]);
  // Array.prototype.sort is stable, as franc relies on.
  ranked.sort((a, b) => a[1] - b[1]);
  const min = ranked[0]?.[1] ?? 0;
  const max = value.length * MAX_DIFFERENCE - min;
  for (const entry of ranked) entry[1] = 1 - (entry[1] - min) / max || 0;
  return ranked;
}
