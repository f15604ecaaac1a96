/**
 * The word lattice's context models (han-bigram.ts, han-pos.ts,
 * news-bigram.ts) as integer tables, built once per process: characters,
 * word classes and words get ids, the character and word bigram terms go
 * into sparse matrices of ids (sparse-pairs.ts), the class bigram into a
 * dense one.
 * The lattice's inner loop then reads numbers from arrays, where the models'
 * own interfaces would cost string-keyed map lookups for every pair of a
 * state and a candidate word. The values are the models' own, computed by
 * their code; only the way of looking them up differs.
 */
import { hanBigram } from "./han-bigram.ts";
import { hanPos } from "./han-pos.ts";
import { newsBigram } from "./news-bigram.ts";
import { SparsePairs } from "./sparse-pairs.ts";
import { type Lexicon, lexicon, singleWord, unknownTag, wordById } from "./word-lexicon.ts";

/** The class of the state before the first word: a paragraph start. */
export const startClass = "^";

/** Numbers per word in `LatticeTables.info`, and where each is. */
export const wordStride = 8;
export const at = {
  logP: 0,
  classId: 1,
  first: 2,
  last: 3,
  length: 4,
  /** Last character and class in one number: what the next word's context depends on. */
  key: 5,
  /** 1 when some word pair ends in this word (else no word bigram lookup can hit). */
  paired: 6,
} as const;

export class LatticeTables {
  /** Number of word classes; class ids are below it. */
  readonly classCount: number;
  /** Class bigram term, log P(c | prev) / P(c): `classTerm[prev * classCount + c]`. */
  readonly classTerm: Float64Array;
  readonly startClassId: number;
  /** Character bigram term of (previous character id, next character id), where seen. */
  readonly charPair: SparsePairs;
  /** Word bigram term of (previous word id, word id), where seen. */
  readonly wordPair: SparsePairs;
  /** The word bigram term of a pair never seen. */
  readonly wordUnseen: number;

  /**
   * Per word id, `wordStride` numbers (the `at` offsets): kept together so
   * that reading one word's numbers touches one cache line, not six arrays.
   */
  info = new Float64Array(0);
  /** Words described in `info` so far. */
  wordCount = 0;

  private readonly charIds = new Map<string, number>();
  /** Per character id: the character bigram term of any character never seen after it. */
  private readonly unseenAfter: number[] = [];
  private readonly classIds = new Map<string, number>();

  constructor(private readonly lex: Lexicon) {
    const classes = hanPos();
    const names = [startClass, unknownTag, ...new Set(wordById.map((w) => w.tag))];
    for (const name of names)
      if (!this.classIds.has(name)) this.classIds.set(name, this.classIds.size);
    const count = this.classIds.size;
    this.classCount = count;
    this.startClassId = this.classIds.get(startClass) ?? 0;
    this.classTerm = new Float64Array(count * count);
    for (const [prev, p] of this.classIds) {
      const row = classes.row(prev);
      for (const [tag, c] of this.classIds) this.classTerm[p * count + c] = row.get(tag) ?? 0;
    }

    const chars = hanBigram();
    const charPairs: [number, number, number][] = [];
    for (const [p, c, bonus] of chars.pairs())
      charPairs.push([this.charId(p), this.charId(c), bonus]);
    this.charPair = new SparsePairs(charPairs);

    const news = newsBigram();
    this.wordUnseen = news.unseen;
    const wordPairs: [number, number, number][] = [];
    for (const [prev, word, term] of news.pairs()) {
      const p = this.wordOf(prev);
      const w = this.wordOf(word);
      if (p !== undefined && w !== undefined) wordPairs.push([p, w, term]);
    }
    this.wordPair = new SparsePairs(wordPairs);
    this.sync();
    for (const [, w] of wordPairs) this.info[w * wordStride + at.paired] = 1;
  }

  /** The id of a word the lattice could use (a multi-character word of the lexicon, or any one character). */
  private wordOf(text: string): number | undefined {
    const known = this.lex.byText.get(text);
    if (known) return known.id;
    return [...text].length === 1 ? singleWord(this.lex, text).id : undefined;
  }

  charId(ch: string): number {
    let id = this.charIds.get(ch);
    if (id === undefined) {
      id = this.charIds.size;
      this.charIds.set(ch, id);
      this.unseenAfter.push(hanBigram().unseen(ch));
    }
    return id;
  }

  lastOf(word: number): number {
    return this.info[word * wordStride + at.last] ?? 0;
  }

  classIdOf(word: number): number {
    return this.info[word * wordStride + at.classId] ?? 0;
  }

  /** Characters with an id so far. */
  get charCount(): number {
    return this.charIds.size;
  }

  unseenAfterChar(id: number): number {
    return this.unseenAfter[id] ?? 0;
  }

  /** Extends `info` to every word made so far (words of unknown characters come later). */
  sync(): void {
    const count = wordById.length;
    if (count === this.wordCount) return;
    if (this.info.length < count * wordStride) {
      const grown = new Float64Array(Math.max(count, 2 * this.wordCount) * wordStride);
      grown.set(this.info);
      this.info = grown;
    }
    for (let id = this.wordCount; id < count; id++) {
      const w = wordById[id];
      if (!w) break;
      const cls = this.classIds.get(w.tag) ?? this.classIds.get(unknownTag) ?? 0;
      const last = this.charId(w.last);
      const o = id * wordStride;
      this.info[o + at.logP] = w.logP;
      this.info[o + at.classId] = cls;
      this.info[o + at.first] = this.charId(w.first);
      this.info[o + at.last] = last;
      this.info[o + at.length] = w.chars.length;
      this.info[o + at.key] = last * this.classCount + cls;
    }
    this.wordCount = count;
  }
}

let shared: LatticeTables | null = null;

export function latticeTables(): LatticeTables {
  shared ??= new LatticeTables(lexicon());
  return shared;
}
