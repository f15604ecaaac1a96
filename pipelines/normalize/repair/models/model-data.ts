/**
 * The shapes of the repair's shipped model files (models/*-data.json): what
 * the builders in this folder write and the runtime models load. Types only,
 * so the runtime and the builders both import them and never each other.
 */

export interface CharModelData {
  /** Symbol → count; letters as themselves and, summed, as their class. */
  uni: Record<string, number>;
  /** Two symbols → count (class pairs, letter-context pairs, spelling pairs). */
  bi: Record<string, number>;
  /** Trigram context (trigramContext) + symbol class → count. */
  tri: Record<string, number>;
  /** Trigram context → count. */
  ctx: Record<string, number>;
  /** Words (and CJK punctuation) of the Chinese training prose → count: domain vocabulary for word-lattice.ts. */
  words: Record<string, number>;
}

export interface HanBigramData {
  /** Character → count in the prose. */
  uni: Record<string, number>;
  /** First character → following character → count. */
  next: Record<string, Record<string, number>>;
}

export interface NewsBigramData {
  source: string;
  /** Sum of all word counts of core.dic. */
  total: number;
  /** Count of every word that starts or ends a kept pair. */
  words: Record<string, number>;
  /** Word → following word → count. */
  next: Record<string, Record<string, number>>;
  /** Last character of a word → first character of the next word → count. */
  boundary: HanBigramData;
}

export interface HanPosData {
  /** Previous tag → tag → count; "^" starts a paragraph. */
  next: Record<string, Record<string, number>>;
  /** Words frequent enough in the prose to be a class of their own ("将", "的", "在"). */
  lexical: string[];
}

export interface TaggedWord {
  word: string;
  tag: string;
}

export interface HanPunctData {
  /** `${previous mark} ${bucket of the length since it}` → mark → count. */
  before: Record<string, Record<string, number>>;
  /** Mark → bucket of the length until the next mark (or paragraph end) → count. */
  after: Record<string, Record<string, number>>;
}
