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
 * candidates. That was over half of the language stage's time. The
 * trigrams are counted and looked up in IntPairTables (a trigram as its
 * first code unit and the other two in 32 bits): a Map keyed by a 48-bit
 * number boxed every key, and cost as much again.
 */
import { data } from "franc/data.js";
import { expressions } from "franc/expressions.js";
import { IntPairTable } from "../../shared/int-pair-table.ts";

/** franc's sample cap and its penalty for a trigram the model lacks. */
const MAX_LENGTH = 2048;
const MAX_DIFFERENCE = 300;

/** The candidates' ranks per trigram; -1 where a candidate's model lacks it. */
interface CandidateTable {
  languages: string[];
  /** Trigram (first code unit, lowOf) → its row in `ranks`. */
  trigrams: IntPairTable;
  /** Row r at r · languages.length: the trigram's rank in each candidate's model. */
  ranks: Int16Array;
}

/** A trigram's low part: its second and third code units in 32 bits (the first is the high part). */
function lowOf(value: string, at: number): number {
  return (value.charCodeAt(at + 1) << 16) | value.charCodeAt(at + 2);
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
  const width = languages.length;
  const split = languages.map((language) => (models[language] ?? "").split("|"));
  const trigrams = new IntPairTable(split.reduce((n, model) => n + model.length, 0));
  const rows: number[] = [];
  split.forEach((model, column) => {
    // From the end, as franc builds its dictionaries, so a repeated trigram keeps its first rank.
    for (let rank = model.length - 1; rank >= 0; rank--) {
      const trigram = model[rank] ?? "";
      // Only three code units can equal a trigram of the text.
      if (trigram.length !== 3) continue;
      const high = trigram.charCodeAt(0);
      const low = lowOf(trigram, 0);
      let row = trigrams.get(high, low);
      if (Number.isNaN(row)) {
        row = rows.length / width;
        for (let c = 0; c < width; c++) rows.push(-1);
        trigrams.set(high, low, row);
      }
      rows[row * width + column] = rank;
    }
  });
  const table = { languages, trigrams, ranks: Int16Array.from(rows) };
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

/**
 * Reused by every call. franc's sample is MAX_LENGTH code units, but lower
 * case can be longer than the text (İ becomes i + a combining dot): room
 * for three code units each, and the padding.
 */
const textTrigrams = new IntPairTable(3 * MAX_LENGTH + 2);

/** The text's trigrams (trigram-utils' padding and cleaning), with their counts as values. */
function countTrigrams(value: string): IntPairTable {
  const padded = ` ${clean(value)} `;
  textTrigrams.clear();
  for (let i = 0; i + 3 <= padded.length; i++)
    textTrigrams.add(padded.charCodeAt(i), lowOf(padded, i), 1);
  return textTrigrams;
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
  const { languages, trigrams, ranks } = tableFor(script, only);
  const width = languages.length;
  const distances = new Float64Array(width);
  // Most of a text's trigrams are in no candidate's model: each such trigram
  // costs every candidate the same penalty, added once at the end.
  let unknown = 0;
  const counted = countTrigrams(value);
  for (let k = 0; k < counted.size; k++) {
    const row = trigrams.get(counted.keyAAt(k), counted.keyBAt(k));
    if (Number.isNaN(row)) {
      unknown++;
      continue;
    }
    const count = counted.valueAt(k);
    const base = row * width;
    for (let column = 0; column < width; column++) {
      const rank = ranks[base + column] ?? -1;
      const difference = rank < 0 ? MAX_DIFFERENCE : Math.abs(count - rank - 1);
      distances[column] = (distances[column] ?? 0) + difference;
    }
  }
  const ranked = languages.map((language, column): [string, number] => [
    language,
    (distances[column] ?? 0) + unknown * MAX_DIFFERENCE,
  ]);
  // Array.prototype.sort is stable, as franc relies on.
  ranked.sort((a, b) => a[1] - b[1]);
  const min = ranked[0]?.[1] ?? 0;
  const max = value.length * MAX_DIFFERENCE - min;
  for (const entry of ranked) entry[1] = 1 - (entry[1] - min) / max || 0;
  return ranked;
}
