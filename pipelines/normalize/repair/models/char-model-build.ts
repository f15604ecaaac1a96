/**
 * Builds the data of the character model (char-model.ts) from prose and a
 * word-frequency dictionary. Pure: the caller reads the files and writes the
 * JSON (pipelines/normalize/repair/models/build-models.ts).
 */

import { hanOnly } from "../../../../shared/text/han.ts";
import { fold, isApostrophe, isLetter, symbolOf, trigramContext } from "../char-symbols.ts";
import type { CharModelData } from "./model-data.ts";

export interface WeightedText {
  text: string;
  weight: number;
}

export interface DictWord {
  word: string;
  freq: number;
}

export interface BuildOptions {
  /** Total unigram mass the dictionary is scaled to. */
  dictMass: number;
  /** N-grams below this count are pruned (unigrams are always kept). */
  minCount: number;
}

/**
 * Characters a wrong decoding may have destroyed that rarely occur in our
 * prose: they get a small prior so that they can still be proposed.
 */
export function plausibleSymbols(): string[] {
  const out: string[] = [];
  const range = (a: number, b: number) => {
    for (let c = a; c <= b; c++) out.push(String.fromCharCode(c));
  };
  range(0xa0, 0x17f); // Latin-1 supplement, Latin Extended-A
  range(0x391, 0x3c9); // Greek
  range(0x401, 0x451); // Cyrillic
  range(0x3000, 0x3011); // CJK punctuation
  range(0xff01, 0xff5e); // full-width forms
  out.push(..."‘’‚“”„†‡•…‰′″‹›–—€₩™℃№←↑→↓−×÷±≤≥≠≈∞√①②③④⑤⑥⑦⑧⑨⑩");
  return out;
}

function add(table: Record<string, number>, key: string, weight: number): void {
  table[key] = (table[key] ?? 0) + weight;
}

/** Counts exactly what CharModel reads (see its compute method). */
function addText(counts: CharModelData, text: string, weight: number): void {
  let s2 = " ";
  let s1 = " ";
  for (const ch of text) {
    const s = symbolOf(ch);
    const [f1, fs] = [fold(s1), fold(s)];
    add(counts.uni, s, weight);
    if (fs !== s) add(counts.uni, fs, weight);
    add(counts.bi, f1 + fs, weight);
    if (f1 !== s1) add(counts.bi, s1 + fs, weight);
    if (fs !== s) add(counts.bi, s1 + s, weight);
    const context = trigramContext(s2, s1);
    add(counts.ctx, context, weight);
    add(counts.tri, context + fs, weight);
    if (fs !== s && isLetter(s2) && isApostrophe(s1)) add(counts.tri, s2 + s1 + s, weight);
    s2 = s1;
    s1 = s;
  }
}

function prune(table: Record<string, number>, minCount: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(table)) {
    const n = Math.round(v);
    if (n >= minCount) out[k] = n;
  }
  return out;
}

export function buildCharModelData(
  texts: WeightedText[],
  dict: DictWord[],
  options: BuildOptions,
  domainWords: string[] = [],
): CharModelData {
  const counts: CharModelData = { uni: {}, bi: {}, tri: {}, ctx: {}, words: {} };
  for (const w of domainWords) add(counts.words, w, 1);
  for (const t of texts) addText(counts, t.text, t.weight);

  const words = dict.filter((w) => hanOnly.test(w.word) && w.freq > 0);
  const dictTotal = words.reduce((n, w) => n + w.freq * [...w.word].length, 0);
  const scale = dictTotal > 0 ? options.dictMass / dictTotal : 0;
  for (const { word, freq } of words) {
    const f = freq * scale;
    const chars = [...word];
    chars.forEach((ch, i) => {
      add(counts.uni, ch, f);
      const prev = chars[i - 1];
      if (prev !== undefined) add(counts.bi, prev + ch, f);
      const prev2 = chars[i - 2];
      if (prev2 !== undefined && prev !== undefined) {
        add(counts.ctx, prev2 + prev, f);
        add(counts.tri, prev2 + prev + ch, f);
      }
    });
  }
  for (const ch of plausibleSymbols()) counts.uni[ch] = Math.max(counts.uni[ch] ?? 0, 1);

  const uni: Record<string, number> = {};
  for (const [k, v] of Object.entries(counts.uni)) uni[k] = Math.max(1, Math.round(v));
  return {
    words: counts.words,
    uni,
    bi: prune(counts.bi, options.minCount),
    tri: prune(counts.tri, options.minCount),
    ctx: prune(counts.ctx, options.minCount),
  };
}
