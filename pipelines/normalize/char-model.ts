/**
 * A character trigram model of English and Chinese news text, used to choose
 * among the characters a damaged byte sequence could have been. Upper-case
 * letters, digits and whitespace are folded to one symbol each; lower-case
 * letters keep their identity ("’s", "’re", "n’t") but back off to a class,
 * so the model learns typography ("“The", "word—word", "2020–2025") from
 * little text. Han characters stay themselves.
 * Interpolated Jelinek-Mercer smoothing with count-based weights.
 * The data is built by test/bench/repair-build-model.ts from the seeds, the
 * texts in test/fixtures/damage/train-*.txt and the jieba dictionary.
 */
import { createRequire } from "node:module";

export interface CharModelData {
  /** Symbol → count. */
  uni: Record<string, number>;
  /** Two symbols → count. */
  bi: Record<string, number>;
  /** Three symbols → count. */
  tri: Record<string, number>;
}

/** The class every lower-case letter backs off to; never a character of real text. */
export const lowerClass = "\u0001";

export function symbolOf(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code < 0x80) {
    if (code >= 0x41 && code <= 0x5a) return "A";
    if (code >= 0x30 && code <= 0x39) return "0";
    if (code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d) return " ";
  }
  return ch;
}

/** The back-off class of a symbol: lower-case letters share one, all else is itself. */
export function fold(symbol: string): string {
  const code = symbol.charCodeAt(0);
  return symbol.length === 1 && code >= 0x61 && code <= 0x7a ? lowerClass : symbol;
}

export class CharModel {
  private readonly uni: Map<string, number>;
  private readonly bi: Map<string, number>;
  private readonly tri: Map<string, number>;
  private readonly total: number;
  private readonly vocabSize: number;

  constructor(data: CharModelData) {
    this.uni = new Map(Object.entries(data.uni));
    this.bi = new Map(Object.entries(data.bi));
    this.tri = new Map(Object.entries(data.tri));
    let total = 0;
    // Class-level mass: letters count once, through their class.
    for (const [k, n] of this.uni) if (fold(k) === k) total += n;
    this.total = total;
    this.vocabSize = this.uni.size + 1;
  }

  /** Symbols the model has seen: the only characters it will ever propose. */
  vocabulary(): string[] {
    return [...this.uni.keys()].filter((k) => k !== lowerClass);
  }

  count(symbol: string): number {
    return this.uni.get(symbol) ?? 0;
  }

  private estimate(table: Map<string, number>, context: string, s: string, lower: number): number {
    const c = context.length === 1 ? (this.uni.get(context) ?? 0) : (this.bi.get(context) ?? 0);
    if (c === 0) return lower;
    const w = c / (c + 2);
    return w * ((table.get(context + s) ?? 0) / c) + (1 - w) * lower;
  }

  /**
   * log P(s | s2 s1), symbols as produced by symbolOf, as a class model:
   * P(class of s | classes of s2 s1) × P(letter s | its class, s1). The first
   * factor (a smoothed trigram) carries typography and, for Han, the
   * characters themselves; the second carries spelling after a symbol
   * ("’s", "’re", "n’t"), which the little English text we train on can
   * estimate, where letter trigrams it could not.
   */
  logProb(s2: string, s1: string, s: string): number {
    const f1 = fold(s1);
    const fs = fold(s);
    const pUni = ((this.uni.get(fs) ?? 0) + 0.01) / (this.total + 0.01 * this.vocabSize);
    let p = this.estimate(this.bi, f1, fs, pUni);
    if (f1 !== s1) p = this.estimate(this.bi, s1, fs, p);
    p = this.estimate(this.tri, trigramContext(s2, s1), fs, p);
    if (fs === s) return Math.log(p);
    const letters = this.uni.get(lowerClass) ?? 1;
    const pLetter = ((this.uni.get(s) ?? 0) + 0.5) / (letters + 13);
    const after = this.bi.get(s1 + lowerClass) ?? 0;
    const w = after / (after + 5);
    const pSpell = after > 0 ? w * ((this.bi.get(s1 + s) ?? 0) / after) + (1 - w) * pLetter : pLetter;
    return Math.log(p) + Math.log(pSpell);
  }
}

/**
 * The context of the class trigram: both symbols folded, except a letter
 * next to a non-ASCII symbol, which stays itself: "’t" is followed by a
 * space ("don’t "), "—t" by more letters ("—tightening"), and "s’" by a
 * space ("companies’ "), never by a letter.
 */
export function trigramContext(s2: string, s1: string): string {
  if (s2.charCodeAt(0) >= 0x80) return s2 + s1;
  if (s1.charCodeAt(0) >= 0x80) return s2 + s1;
  return fold(s2) + fold(s1);
}

let shared: CharModel | null = null;

/** The shipped model, loaded once on first use. */
export function charModel(): CharModel {
  if (!shared) {
    const require = createRequire(import.meta.url);
    shared = new CharModel(require("./char-model-data.json") as CharModelData);
  }
  return shared;
}
