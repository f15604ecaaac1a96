/**
 * A character trigram model of English and Chinese news text, used to choose
 * among the characters a damaged byte sequence could have been (symbols in
 * char-symbols.ts). It is a class model: P(class of s | context) from an
 * interpolated trigram, times, for a letter, P(letter | its class, the symbol
 * before) — typography and spelling estimated separately, each from counts
 * dense enough to trust. Smoothing is Jelinek-Mercer with count-based weights.
 * The data is built by pipelines/normalize/repair/models/build-models.ts from the seeds, the
 * texts in test/fixtures/damage/train-*.txt and the jieba dictionary.
 */
import {
  fold,
  isApostrophe,
  isLetter,
  lowerClass,
  symbolOf,
  trigramContext,
} from "./char-symbols.ts";
import type { CharModelData } from "./models/model-data.ts";
import { shippedModel } from "./models/shipped-model.ts";

export { symbolOf };

export class CharModel {
  private readonly uni: Map<string, number>;
  private readonly bi: Map<string, number>;
  private readonly tri: Map<string, number>;
  private readonly ctx: Map<string, number>;
  /** Domain words of the training prose, with their counts. */
  readonly words: ReadonlyMap<string, number>;
  private readonly total: number;
  private readonly vocabSize: number;
  /**
   * Memoised log-probabilities, by the farther context symbol, the nearer,
   * then the symbol: looked up without building a key string, as every
   * character of a repaired run is scored in context.
   */
  private readonly rows = new Map<string, Map<string, Map<string, number>>>();
  private rowCount = 0;
  /** How many different letters follow each symbol: the Witten-Bell type count. */
  private readonly letterTypes = new Map<string, number>();

  constructor(data: CharModelData) {
    this.uni = new Map(Object.entries(data.uni));
    this.bi = new Map(Object.entries(data.bi));
    this.tri = new Map(Object.entries(data.tri));
    this.ctx = new Map(Object.entries(data.ctx));
    this.words = new Map(Object.entries(data.words));
    let total = 0;
    // Class-level mass: letters count once, through their class.
    for (const [k, n] of this.uni) if (!isLetter(k)) total += n;
    this.total = total;
    this.vocabSize = this.uni.size + 1;
    for (const key of this.bi.keys()) {
      if (key.length === 2 && isLetter(key.charAt(1))) {
        const first = key.charAt(0);
        this.letterTypes.set(first, (this.letterTypes.get(first) ?? 0) + 1);
      }
    }
  }

  /** Symbols the model has seen: the only characters it will ever propose. */
  vocabulary(): string[] {
    return [...this.uni.keys()].filter((k) => k !== lowerClass);
  }

  count(symbol: string): number {
    return this.uni.get(symbol) ?? 0;
  }

  /** log P(s | s2 s1), symbols as produced by symbolOf. */
  logProb(s2: string, s1: string, s: string): number {
    const row = this.row(s2, s1);
    let value = row.get(s);
    if (value === undefined) {
      value = this.compute(s2, s1, s);
      row.set(s, value);
    }
    return value;
  }

  /**
   * log P(· | s2 s1) for many symbols in one context (a beam scoring its
   * candidates): the context is looked up once, not per candidate.
   */
  scorer(s2: string, s1: string): (s: string) => number {
    const row = this.row(s2, s1);
    return (s) => {
      let value = row.get(s);
      if (value === undefined) {
        value = this.compute(s2, s1, s);
        row.set(s, value);
      }
      return value;
    };
  }

  private row(s2: string, s1: string): Map<string, number> {
    let byNear = this.rows.get(s2);
    if (!byNear) {
      byNear = new Map();
      this.rows.set(s2, byNear);
    }
    let row = byNear.get(s1);
    if (!row) {
      // Bounded: documents bring new contexts forever, the useful ones recur.
      if (this.rowCount > 200_000) {
        this.rows.clear();
        this.rowCount = 0;
        byNear = new Map();
        this.rows.set(s2, byNear);
      }
      row = new Map();
      byNear.set(s1, row);
      this.rowCount++;
    }
    return row;
  }

  private mix(c: number, hits: number, lower: number): number {
    if (c <= 0) return lower;
    const w = c / (c + 2);
    return (w * hits) / c + (1 - w) * lower;
  }

  private compute(s2: string, s1: string, s: string): number {
    const f1 = fold(s1);
    const fs = fold(s);
    let p = ((this.uni.get(fs) ?? 0) + 0.01) / (this.total + 0.01 * this.vocabSize);
    p = this.mix(this.uni.get(f1) ?? 0, this.bi.get(f1 + fs) ?? 0, p);
    if (f1 !== s1) p = this.mix(this.uni.get(s1) ?? 0, this.bi.get(s1 + fs) ?? 0, p);
    const context = trigramContext(s2, s1);
    p = this.mix(this.ctx.get(context) ?? 0, this.tri.get(context + fs) ?? 0, p);
    if (fs === s) return Math.log(p);

    const letters = this.uni.get(lowerClass) ?? 1;
    const pLetter = ((this.uni.get(s) ?? 0) + 0.5) / (letters + 13);
    const after = this.bi.get(s1 + lowerClass) ?? 0;
    // Witten-Bell: a symbol followed by many different letters ("—") backs
    // off more than one followed by few ("’": s, t, r, v, l, d, m).
    const w = after / (after + (this.letterTypes.get(s1) ?? 0) * 2 + 1);
    let pSpell = after > 0 ? w * ((this.bi.get(s1 + s) ?? 0) / after) + (1 - w) * pLetter : pLetter;
    if (isLetter(s2) && isApostrophe(s1)) {
      // Contractions are lexical: "n’t" but never "e’t".
      const around = this.tri.get(s2 + s1 + lowerClass) ?? 0;
      const w3 = around / (around + 2);
      if (around > 0) pSpell = w3 * ((this.tri.get(s2 + s1 + s) ?? 0) / around) + (1 - w3) * pSpell;
    }
    return Math.log(p) + Math.log(pSpell);
  }
}

/** Mean log-probability per character of a text under the model, after `before`: higher is likelier. */
export function meanLogProb(model: CharModel, before: string, text: string): number {
  // The context is the last two characters of `before`, padded with spaces.
  let s2 = " ";
  let s1 = " ";
  for (const ch of before.slice(-2)) {
    s2 = s1;
    s1 = symbolOf(ch);
  }
  let total = 0;
  let n = 0;
  for (const ch of text) {
    const s = symbolOf(ch);
    total += model.logProb(s2, s1, s);
    s2 = s1;
    s1 = s;
    n++;
  }
  return total / Math.max(1, n);
}

export const charModel = shippedModel(
  "./char-model-data.json",
  (data: CharModelData) => new CharModel(data),
);
