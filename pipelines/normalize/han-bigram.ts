/**
 * Context across Chinese word boundaries, which a word unigram model cannot
 * see ("记者从中国" vs "记者他中国"): character bigrams of Chinese prose,
 * used as a pointwise-mutual-information bonus, log P(c | p) / P(c), added
 * where one word follows another in the word lattice. The dictionary gives
 * word frequencies only, so this is the one place where running text (the
 * Chinese training prose, test/bench/repair-build-model.ts) informs the
 * choice between words.
 */
import { createRequire } from "node:module";

export interface HanBigramData {
  /** Character → count in the prose. */
  uni: Record<string, number>;
  /** First character → following character → count. */
  next: Record<string, Record<string, number>>;
}

function addPairs(data: HanBigramData, text: string, weight: number): void {
  let prev = "";
  for (const ch of text) {
    if (/\s/.test(ch)) {
      prev = "";
      continue;
    }
    data.uni[ch] = (data.uni[ch] ?? 0) + weight;
    if (prev) {
      const row = data.next[prev] ?? {};
      row[ch] = (row[ch] ?? 0) + weight;
      data.next[prev] = row;
    }
    prev = ch;
  }
}

/** Counts every pair of adjacent non-space characters of the prose. */
export function buildHanBigramData(prose: string): HanBigramData {
  const data: HanBigramData = { uni: {}, next: {} };
  addPairs(data, prose, 1);
  return data;
}

/**
 * Dirichlet smoothing towards the unigram: P(c | p) = (n(p c) + μ P(c)) /
 * (n(p) + μ). Only pairs the prose has seen earn a bonus; an unseen pair
 * costs nothing, since a few thousand characters of prose leave almost every
 * true pair unseen.
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
    const seen = this.next.get(p);
    let row: Map<string, number> | null = null;
    if (seen) {
      row = new Map();
      const np = this.uni.get(p) ?? 0;
      for (const [c, n] of seen) {
        const pc = (this.uni.get(c) ?? 0) / this.total;
        const ratio = (n / pc + mu) / (np + mu);
        if (ratio > 1) row.set(c, Math.log(ratio));
      }
    }
    this.rows.set(p, row);
    return row;
  }
}

let shared: HanBigram | null = null;

export function hanBigram(): HanBigram {
  if (!shared) {
    const require = createRequire(import.meta.url);
    shared = new HanBigram(require("./han-bigram-data.json") as HanBigramData);
  }
  return shared;
}
