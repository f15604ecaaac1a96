/**
 * Context across Chinese word boundaries, which a word unigram model cannot
 * see ("记者从中国" vs "记者他中国"): character bigrams, used as a
 * pointwise-mutual-information term, log P(c | p) / P(c), added where one
 * word follows another in the word lattice. The counts are those of our
 * Chinese training prose (pipelines/normalize/repair/models/build-models.ts) and of the
 * word boundaries of Chinese news prose (news-bigram.ts), added together.
 */

import type { HanBigramData } from "./models/model-data.ts";
import { shippedModel } from "./models/shipped-model.ts";
import { newsBigram } from "./news-bigram.ts";

/** Adds the counts of `more` to `data`. */
export function mergeHanBigramData(data: HanBigramData, more: HanBigramData): HanBigramData {
  const out: HanBigramData = { uni: { ...data.uni }, next: {} };
  for (const [p, row] of Object.entries(data.next)) out.next[p] = { ...row };
  for (const [c, n] of Object.entries(more.uni)) out.uni[c] = (out.uni[c] ?? 0) + n;
  for (const [p, row] of Object.entries(more.next)) {
    const merged = out.next[p] ?? {};
    for (const [c, n] of Object.entries(row)) merged[c] = (merged[c] ?? 0) + n;
    out.next[p] = merged;
  }
  return out;
}

/**
 * Dirichlet smoothing towards the unigram: P(c | p) = (n(p c) + μ P(c)) /
 * (n(p) + μ). With a million words of news behind the counts, an unseen pair
 * after a common character is evidence against it and costs log(μ / (n(p) + μ)).
 */
const mu = 4;

export class HanBigram {
  private readonly total: number;
  private readonly uni: Map<string, number>;
  private readonly next: Map<string, Map<string, number>>;
  private readonly rows = new Map<string, Map<string, number> | null>();

  constructor(data: HanBigramData) {
    this.uni = new Map(Object.entries(data.uni));
    this.next = new Map(Object.entries(data.next).map(([k, v]) => [k, new Map(Object.entries(v))]));
    let total = 0;
    for (const n of this.uni.values()) total += n;
    this.total = Math.max(1, total);
  }

  /** The bonus of every character seen after `p`, or null when none was. */
  bonuses(p: string): Map<string, number> | null {
    const cached = this.rows.get(p);
    if (cached !== undefined) return cached;
    const row = this.row(p);
    this.rows.set(p, row);
    return row;
  }

  private row(p: string): Map<string, number> | null {
    const seen = this.next.get(p);
    if (!seen) return null;
    const row = new Map<string, number>();
    const np = this.uni.get(p) ?? 0;
    for (const [c, n] of seen) {
      const pc = (this.uni.get(c) ?? 0) / this.total;
      const ratio = (n / pc + mu) / (np + mu);
      row.set(c, Math.log(ratio));
    }
    return row;
  }

  /** Every seen pair's bonus, as `bonuses` gives it: for tables built once (lattice-tables.ts). */
  *pairs(): Generator<[p: string, c: string, bonus: number]> {
    for (const p of this.next.keys())
      for (const [c, bonus] of this.row(p) ?? []) yield [p, c, bonus];
  }

  /** The term of a character never seen after `p`. */
  unseen(p: string): number {
    return Math.log(mu / ((this.uni.get(p) ?? 0) + mu));
  }
}

export const hanBigram = shippedModel(
  "./han-bigram-data.json",
  (prose: HanBigramData) => new HanBigram(mergeHanBigramData(prose, newsBigram().boundary)),
);
