/**
 * Word-class context for the word lattice: a bigram model of jieba's
 * part-of-speech tags ("的" is uj and is followed by nouns; a verb is rarely
 * followed by a verb), estimated from the Chinese training prose tagged by
 * jieba (pipelines/normalize/repair/models/build-models.ts). A word unigram model cannot tell
 * "日本的一些汽车" from "日本皇上了汽车"; tag transitions can, and their few
 * thousand parameters are dense enough to learn from a few thousand words.
 * CJK punctuation is its own tag: "、" joins nouns, "。" ends a sentence.
 */

import { hanChar } from "../../../shared/text/han.ts";
import type { HanPosData } from "./models/model-data.ts";
import { shippedModel } from "./models/shipped-model.ts";

/** The tag the model uses: jieba's for words, the character for punctuation. */
export function tagOf(word: string, jiebaTag: string): string {
  return hanChar.test(word) ? jiebaTag : word;
}

/** Dirichlet smoothing towards the tag's overall frequency. */
const mu = 8;

export class HanPos {
  private readonly next: Map<string, Map<string, number>>;
  private readonly rowTotal = new Map<string, number>();
  private readonly uni = new Map<string, number>();
  private readonly total: number;
  private readonly rows = new Map<string, Map<string, number>>();
  private readonly lexical: Set<string>;

  constructor(data: HanPosData) {
    this.lexical = new Set(data.lexical);
    this.next = new Map(Object.entries(data.next).map(([k, v]) => [k, new Map(Object.entries(v))]));
    let total = 0;
    for (const [prev, row] of this.next) {
      let n = 0;
      for (const [t, c] of row) {
        n += c;
        this.uni.set(t, (this.uni.get(t) ?? 0) + c);
      }
      this.rowTotal.set(prev, n);
      total += n;
    }
    this.total = Math.max(1, total);
  }

  /** The class of a word: itself when frequent, else its tag (tagOf). */
  classOf(word: string, jiebaTag: string): string {
    return this.lexical.has(word) ? word : tagOf(word, jiebaTag);
  }

  /** log P(tag | prev) / P(tag) for every tag seen; unknown tags get none (0). */
  row(prev: string): Map<string, number> {
    const cached = this.rows.get(prev);
    if (cached) return cached;
    const row = new Map<string, number>();
    const np = this.rowTotal.get(prev) ?? 0;
    if (np > 0) {
      for (const [tag, nt] of this.uni) {
        const pt = nt / this.total;
        const n = this.next.get(prev)?.get(tag) ?? 0;
        row.set(tag, Math.log((n + mu * pt) / (np + mu) / pt));
      }
    }
    this.rows.set(prev, row);
    return row;
  }
}

export const hanPos = shippedModel("./han-pos-data.json", (data: HanPosData) => new HanPos(data));
