/**
 * Word bigrams of Chinese news prose (as counted in ansj_seg's dictionaries;
 * built by pipelines/normalize/repair/models/build-news-bigrams.ts): the context the word
 * lattice adds to its word unigrams, as the log of the interpolated bigram
 * probability over the unigram one,
 *   log((1 − λ) + λ · P(w | prev) / P(w)).
 * A pair the prose never showed costs log(1 − λ), the same for every word,
 * so a path of plausible pairs beats a path of words that never meet.
 */
import type { HanBigramData, NewsBigramData } from "./models/model-data.ts";
import { shippedModel } from "./models/shipped-model.ts";

/** Weight of the bigram estimate against the unigram one. */
const lambda = 0.6;

export class NewsBigram {
  readonly unseen = Math.log(1 - lambda);
  private readonly words: Map<string, number>;
  private readonly next: Map<string, Map<string, number>>;

  constructor(private readonly data: NewsBigramData) {
    this.words = new Map(Object.entries(data.words));
    this.next = new Map(Object.entries(data.next).map(([k, v]) => [k, new Map(Object.entries(v))]));
  }

  private readonly rows = new Map<string, Map<string, number> | null>();

  /** The context term of `word` after `prev`. */
  bonus(prev: string, word: string): number {
    return this.bonuses(prev)?.get(word) ?? this.unseen;
  }

  /**
   * The terms of every word seen after `prev` (any other word: `unseen`), or
   * null when none was; computed once per `prev`, as the lattice asks for
   * the same few words' rows again and again.
   */
  bonuses(prev: string): Map<string, number> | null {
    const cached = this.rows.get(prev);
    if (cached !== undefined) return cached;
    const row = this.row(prev);
    // Bounded: the words that recur are few, new documents bring new ones.
    if (this.rows.size > 100_000) this.rows.clear();
    this.rows.set(prev, row);
    return row;
  }

  private row(prev: string): Map<string, number> | null {
    const seen = this.next.get(prev);
    const nPrev = this.words.get(prev);
    if (!seen || !nPrev) return null;
    const row = new Map<string, number>();
    for (const [word, n] of seen) {
      const nWord = this.words.get(word) ?? 0;
      if (nWord > 0)
        row.set(word, Math.log(1 - lambda + (lambda * (n / nPrev)) / (nWord / this.data.total)));
    }
    return row;
  }

  /** Every pair's term, as `bonuses` gives it: for tables built once (lattice-tables.ts). */
  *pairs(): Generator<[prev: string, word: string, term: number]> {
    for (const prev of this.next.keys())
      for (const [word, term] of this.row(prev) ?? []) yield [prev, word, term];
  }

  /** Character pairs across word boundaries, for the character bigram (han-bigram.ts). */
  get boundary(): HanBigramData {
    return this.data.boundary;
  }
}

export const newsBigram = shippedModel(
  "./news-bigram-data.json",
  (data: NewsBigramData) => new NewsBigram(data),
);
