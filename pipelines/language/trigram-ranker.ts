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
 * trigrams are counted and looked up in open-addressing tables of typed
 * arrays (a trigram as its first code unit and the other two in 32 bits):
 * a Map keyed by a 48-bit number boxed every key, and cost as much again.
 */
import { data } from "franc/data.js";
import { expressions } from "franc/expressions.js";

/** franc's sample cap and its penalty for a trigram the model lacks. */
const MAX_LENGTH = 2048;
const MAX_DIFFERENCE = 300;

/** The candidates' ranks per trigram; -1 where a candidate's model lacks it. */
interface CandidateTable {
  languages: string[];
  /** Trigram → its row number in `ranks`, from 1. */
  trigrams: TrigramSlots;
  /** Row r (from 1) at (r - 1) · languages.length: the trigram's rank in each candidate's model. */
  ranks: Int16Array;
}

/** A trigram's low part: its second and third code units in 32 bits (the first is the high part). */
function lowOf(value: string, at: number): number {
  return (value.charCodeAt(at + 1) << 16) | value.charCodeAt(at + 2);
}

/**
 * An open-addressing table from a trigram (first code unit, lowOf) to a
 * number, linear probing; a slot is live while its stamp is the table's, so
 * a new stamp empties the table.
 */
class TrigramSlots {
  readonly high: Int32Array;
  readonly low: Int32Array;
  readonly value: Int32Array;
  private readonly stamps: Int32Array;
  private stamp = 1;
  /** The live slots, in order of arrival. */
  readonly used: Int32Array;
  size = 0;
  private readonly mask: number;

  constructor(capacity: number) {
    let length = 64;
    while (length < 2 * capacity) length *= 2;
    this.high = new Int32Array(length);
    this.low = new Int32Array(length);
    this.value = new Int32Array(length);
    this.stamps = new Int32Array(length);
    this.used = new Int32Array(capacity);
    this.mask = length - 1;
  }

  clear(): void {
    this.stamp++;
    this.size = 0;
  }

  private start(high: number, low: number): number {
    let h = Math.imul(high, 0x9e3779b1) ^ low;
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
    return (h ^ (h >>> 13)) & this.mask;
  }

  /** The slot of the trigram, or -1. */
  find(high: number, low: number): number {
    for (let i = this.start(high, low); this.stamps[i] === this.stamp; i = (i + 1) & this.mask)
      if (this.high[i] === high && this.low[i] === low) return i;
    return -1;
  }

  /** The slot of the trigram, made with value 0 when new; the table holds at most its capacity. */
  slot(high: number, low: number): number {
    let i = this.start(high, low);
    for (; this.stamps[i] === this.stamp; i = (i + 1) & this.mask)
      if (this.high[i] === high && this.low[i] === low) return i;
    this.stamps[i] = this.stamp;
    this.high[i] = high;
    this.low[i] = low;
    this.value[i] = 0;
    this.used[this.size++] = i;
    return i;
  }
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
  const trigrams = new TrigramSlots(split.reduce((n, model) => n + model.length, 0));
  const rows: number[] = [];
  split.forEach((model, column) => {
    // From the end, as franc builds its dictionaries, so a repeated trigram keeps its first rank.
    for (let rank = model.length - 1; rank >= 0; rank--) {
      const trigram = model[rank] ?? "";
      // Only three code units can equal a trigram of the text.
      if (trigram.length !== 3) continue;
      const at = trigrams.slot(trigram.charCodeAt(0), lowOf(trigram, 0));
      if (trigrams.value[at] === 0) {
        for (let c = 0; c < width; c++) rows.push(-1);
        trigrams.value[at] = rows.length / width;
      }
      rows[((trigrams.value[at] ?? 1) - 1) * width + column] = rank;
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
const textTrigrams = new TrigramSlots(3 * MAX_LENGTH + 2);

/** The text's trigrams (trigram-utils' padding and cleaning), with their counts as values. */
function countTrigrams(value: string): TrigramSlots {
  const padded = ` ${clean(value)} `;
  textTrigrams.clear();
  for (let i = 0; i + 3 <= padded.length; i++) {
    const at = textTrigrams.slot(padded.charCodeAt(i), lowOf(padded, i));
    textTrigrams.value[at] = (textTrigrams.value[at] ?? 0) + 1;
  }
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
    const at = counted.used[k] ?? 0;
    const found = trigrams.find(counted.high[at] ?? 0, counted.low[at] ?? 0);
    if (found < 0) {
      unknown++;
      continue;
    }
    const count = counted.value[at] ?? 0;
    const row = ((trigrams.value[found] ?? 1) - 1) * width;
    for (let column = 0; column < width; column++) {
      const rank = ranks[row + column] ?? -1;
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
