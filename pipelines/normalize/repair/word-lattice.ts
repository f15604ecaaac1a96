/**
 * Chinese has no spaces to anchor a character model, and a damaged Han
 * character often has dozens of candidates; words decide better than
 * characters. This chooses among candidate characters by the most probable
 * segmentation into dictionary words (word-lexicon.ts: jieba's dictionary,
 * word unigram model — the same model jieba segments with), with the context
 * a unigram model lacks added from the word before (character bigrams across
 * the boundary, han-bigram.ts; word-class bigrams, han-pos.ts; word bigrams
 * of news prose, news-bigram.ts), found by a Viterbi search over the
 * lattice of candidates.
 *
 * The search is dynamic programming over positions; a state is the last
 * word's last character and class, and each position keeps the best few.
 * What makes it fast (a damaged position has ~100 candidate words and up to
 * eight states to extend) is that most pairs of a state and a word were
 * never seen together by either bigram model: their context is the
 * "unseen" term, which depends on the state alone, plus the class term,
 * which depends on the two classes alone. So a word's best state without
 * seen pairs is found once per class (states × classes, not states ×
 * words), and only the pairs the models did see are scored one by one,
 * found by reading the state's rows of the sparse bigram tables
 * (lattice-tables.ts). A seen pair only ever scores higher than unseen, so
 * the maximum over both passes is exactly the maximum over all pairs, and
 * ties are broken as a plain search over every pair would break them: the
 * result is that search's. A state more than the beam's margin behind the
 * best at its position is not stored. The words of a position come from
 * tables built once per damaged form (lattice-words.ts).
 */
import { beamWidth, States } from "./lattice-states.ts";
import { type LatticeTables, latticeTables } from "./lattice-tables.ts";
import { PositionWords, singlesTable, type WordMargins } from "./lattice-words.ts";
import { longRow } from "./sparse-pairs.ts";
import { grown } from "./typed-arrays.ts";
import { type Lexicon, lexicon, wordById } from "./word-lexicon.ts";

/** Weights of the character bigram, the class bigram and the word bigram against the words. */
const contextWeight = 0.3;
const classWeight = 0.25;
const wordPairWeight = 0.7;
const margins: WordMargins = {
  // Lone candidates need to be close: there are a hundred of them at every damaged position.
  single: 8,
  // A word this far below the likeliest lone characters over its span cannot
  // win on context, which is worth a few nats at most: it is not tried.
  word: 12,
};

/**
 * Scratch space of one position: the words grouped by class and by first
 * character, and a small hash from word id to the word's index; reset after
 * use or told apart by a stamp, so that a position allocates nothing.
 */
class Scratch {
  classSlot = new Int32Array(0);
  firstSlot = new Int32Array(0);
  firstOf = new Int32Array(0);
  nextSameFirst = new Int32Array(0);
  /** Per word: the stamp of the state whose word pair reached it, and the term. */
  pairStamp = new Int32Array(0);
  pairTerm = new Float64Array(0);
  /** Per first character: the stamp of the state whose character pair reached it. */
  charStamp = new Int32Array(0);
  stamp = 0;
  /** Word id → index at the position, open addressing; a slot is live when its stamp is the position's. */
  hashId = new Int32Array(0);
  hashIndex = new Int32Array(0);
  hashStamp = new Int32Array(0);
  hashMask = 0;

  fit(words: number, classes: number, chars: number): void {
    this.classSlot = grown(this.classSlot, classes, -1);
    this.firstSlot = grown(this.firstSlot, chars, -1);
    if (this.firstOf.length < words) {
      const n = Math.max(words, 2 * this.firstOf.length);
      this.firstOf = new Int32Array(n);
      this.nextSameFirst = new Int32Array(n);
      this.pairStamp = grown(this.pairStamp, n, 0);
      this.charStamp = grown(this.charStamp, n, 0);
      this.pairTerm = new Float64Array(n);
    }
    if (this.hashId.length < 2 * words) {
      let size = 64;
      while (size < 2 * words) size *= 2;
      this.hashId = new Int32Array(size);
      this.hashIndex = new Int32Array(size);
      this.hashStamp = new Int32Array(size);
      this.hashMask = size - 1;
    }
  }

  private slotOf(id: number): number {
    return (Math.imul(id, 0x9e3779b1) >>> 7) & this.hashMask;
  }

  index(id: number, k: number, stamp: number): void {
    let h = this.slotOf(id);
    while (this.hashStamp[h] === stamp) h = (h + 1) & this.hashMask;
    this.hashStamp[h] = stamp;
    this.hashId[h] = id;
    this.hashIndex[h] = k;
  }

  /** The index of word `id` at the position, or -1. */
  find(id: number, stamp: number): number {
    for (let h = this.slotOf(id); this.hashStamp[h] === stamp; h = (h + 1) & this.hashMask)
      if (this.hashId[h] === id) return this.hashIndex[h] ?? -1;
    return -1;
  }
}

const scratch = new Scratch();
const position = new PositionWords();
const states = new States();

/**
 * A bigram row is read in full when it is no longer than this many times
 * the lookups it would otherwise take (or shorter than `longRow`).
 */
const scanFactor = 2;

function scanned(length: number, lookups: number): boolean {
  return length < longRow || length <= scanFactor * lookups;
}

/** Extends every state of the beam at position i by every word starting there (`words`). */
function expand(
  t: LatticeTables,
  states: States,
  beam: number[],
  words: PositionWords,
  i: number,
  beforeChar: number,
): void {
  const nc = t.classCount;
  const nw = words.count;
  const { id, logP, classId, key, length, paired } = words;
  scratch.fit(nw, nc, t.charCount);
  const { classSlot, firstSlot, firstOf, nextSameFirst, pairStamp, pairTerm, charStamp } = scratch;
  const positionStamp = ++scratch.stamp;
  // The words grouped by class and by first character.
  const classes: number[] = [];
  const firsts: number[] = [];
  /** Per first-character group, the words' indices, chained through nextSameFirst. */
  const firstHead: number[] = [];
  for (let k = 0; k < nw; k++) {
    scratch.index(id[k] ?? 0, k, positionStamp);
    const c = classId[k] ?? 0;
    if ((classSlot[c] ?? -1) < 0) {
      classSlot[c] = classes.length;
      classes.push(c);
    }
    const f = words.first[k] ?? 0;
    let slot = firstSlot[f] ?? -1;
    if (slot < 0) {
      slot = firsts.length;
      firstSlot[f] = slot;
      firsts.push(f);
      firstHead.push(-1);
    }
    firstOf[k] = slot;
    nextSameFirst[k] = firstHead[slot] ?? -1;
    firstHead[slot] = k;
  }

  // Each state's context when nothing was seen: the unseen terms and its class row.
  const last: number[] = [];
  const row: number[] = [];
  const unseenChar: number[] = [];
  const unseenWord: number[] = [];
  for (const s of beam) {
    const w = states.word[s] ?? -1;
    const l = w < 0 ? beforeChar : t.lastOf(w);
    last.push(l);
    row.push((w < 0 ? t.startClassId : t.classIdOf(w)) * nc);
    unseenChar.push(contextWeight * t.unseenAfterChar(l));
    // The first word has no word before it: no word bigram term at all.
    unseenWord.push(w < 0 ? 0 : wordPairWeight * t.wordUnseen);
  }

  const classTerm = t.classTerm;
  /** The rank of the pair (state b, word k) in the order a plain search meets pairs: (i · beamWidth + b) · 2^20 + k. */
  const orderBase = i * beamWidth * 2 ** 20;

  // Pass 1, no seen pairs: per class of word, the state that gives it most.
  const bestState: number[] = [];
  for (const c of classes) {
    let best = Number.NEGATIVE_INFINITY;
    let arg = 0;
    for (let b = 0; b < beam.length; b++) {
      const v =
        (states.score[beam[b] ?? 0] ?? 0) +
        (unseenChar[b] ?? 0) +
        (unseenWord[b] ?? 0) +
        classWeight * (classTerm[(row[b] ?? 0) + c] ?? 0);
      if (v > best) {
        best = v;
        arg = b;
      }
    }
    bestState.push(arg);
  }
  for (let k = 0; k < nw; k++) {
    const c = classId[k] ?? 0;
    const b = bestState[classSlot[c] ?? 0] ?? 0;
    const s = beam[b] ?? 0;
    const score =
      (states.score[s] ?? 0) +
      (logP[k] ?? 0) +
      (unseenChar[b] ?? 0) +
      (unseenWord[b] ?? 0) +
      classWeight * (classTerm[(row[b] ?? 0) + c] ?? 0);
    // Unpruned: every word's key arrives here, in the order a plain search meets them.
    states.add(
      i + (length[k] ?? 1),
      key[k] ?? 0,
      score,
      id[k] ?? 0,
      s,
      orderBase + b * 2 ** 20 + k,
      false,
    );
  }

  // Pass 2, the pairs either bigram model saw, scored in full. No closures
  // here: a function made per state costs more than the arithmetic it holds.
  const cp = t.charPair;
  const wp = t.wordPair;
  const seenWords: number[] = [];
  for (let b = 0; b < beam.length; b++) {
    const stamp = ++scratch.stamp;
    const s = beam[b] ?? 0;
    const prevWord = states.word[s] ?? -1;
    const l = last[b] ?? 0;
    const base = states.score[s] ?? 0;
    const r = row[b] ?? 0;
    const charUnseen = unseenChar[b] ?? 0;
    const wordUnseen = unseenWord[b] ?? 0;
    const order = orderBase + b * 2 ** 20;
    // The word pairs this state's word was seen in, marked on the words they reach.
    seenWords.length = 0;
    if (prevWord >= 0) {
      const from = wp.start(prevWord);
      const to = wp.end(prevWord);
      if (scanned(to - from, nw)) {
        for (let e = from; e < to; e++) {
          const k = scratch.find(wp.cols[e] ?? 0, positionStamp);
          if (k < 0) continue;
          pairStamp[k] = stamp;
          pairTerm[k] = wordPairWeight * (wp.vals[e] ?? 0);
          seenWords.push(k);
        }
      } else {
        const rowTable = wp.rowTable(prevWord);
        for (let k = 0; k < nw; k++) {
          if (!paired[k]) continue;
          const term = rowTable.get(id[k] ?? 0, 0);
          if (Number.isNaN(term)) continue;
          pairStamp[k] = stamp;
          pairTerm[k] = wordPairWeight * term;
          seenWords.push(k);
        }
      }
    }
    // The character pairs this state's last character was seen in, per first
    // character of the words: each word of a group scored in full.
    const from = cp.start(l);
    const to = cp.end(l);
    const scan = scanned(to - from, firsts.length);
    const rowTable = scan ? null : cp.rowTable(l);
    const end = scan ? to : firsts.length;
    for (let e = scan ? from : 0; e < end; e++) {
      let f: number;
      let bonus: number;
      if (rowTable === null) {
        f = firstSlot[cp.cols[e] ?? 0] ?? -1;
        if (f < 0) continue;
        bonus = cp.vals[e] ?? 0;
      } else {
        f = e;
        bonus = rowTable.get(firsts[f] ?? 0, 0);
        if (Number.isNaN(bonus)) continue;
      }
      charStamp[f] = stamp;
      const charTerm = contextWeight * bonus;
      for (let k = firstHead[f] ?? -1; k >= 0; k = nextSameFirst[k] ?? -1) {
        const wordTerm = pairStamp[k] === stamp ? (pairTerm[k] ?? 0) : wordUnseen;
        const total =
          base +
          (logP[k] ?? 0) +
          charTerm +
          wordTerm +
          classWeight * (classTerm[r + (classId[k] ?? 0)] ?? 0);
        states.add(i + (length[k] ?? 1), key[k] ?? 0, total, id[k] ?? 0, s, order + k, true);
      }
    }
    for (const k of seenWords) {
      if (charStamp[firstOf[k] ?? 0] === stamp) continue;
      const total =
        base +
        (logP[k] ?? 0) +
        charUnseen +
        (pairTerm[k] ?? 0) +
        classWeight * (classTerm[r + (classId[k] ?? 0)] ?? 0);
      states.add(i + (length[k] ?? 1), key[k] ?? 0, total, id[k] ?? 0, s, order + k, true);
    }
  }

  for (const c of classes) classSlot[c] = -1;
  for (const f of firsts) firstSlot[f] = -1;
}

/**
 * For each position, the candidates (a fixed character is a one-element
 * list) and the damaged form (the text the candidates were read from);
 * returns the chosen character per position: the best segmentation into
 * words over all choices, each word scored by its unigram probability plus
 * three context terms from the word before: the character bigram term of its
 * first character after that word's last, the bigram of their classes and
 * the word bigram.
 */
export function bestWordPath(slots: string[][], forms: string[], before = ""): string[] {
  const lex: Lexicon = lexicon();
  const t = latticeTables();
  const n = slots.length;
  const singles = slots.map((s) => singlesTable(t, lex, s));
  const beforeChar = t.charId(before);
  states.clear();
  states.add(0, -1, 0, -1, -1, 0, false);
  for (let i = 0; i < n; i++) {
    if (states.statesAt(i).length > 0) {
      const beam = states.beam(i);
      position.fill(t, lex, singles, forms, i, margins);
      expand(t, states, beam, position, i, beforeChar);
    }
    states.close(i);
  }
  let best = -1;
  for (const index of states.statesAt(n))
    if (best < 0 || (states.score[index] ?? 0) > (states.score[best] ?? 0)) best = index;
  if (best < 0) return slots.map((s) => s[0] ?? "");
  const picked: string[][] = [];
  for (let s = best; s >= 0; s = states.prev[s] ?? -1) {
    const word = wordById[states.word[s] ?? -1];
    if (word) picked.push(word.chars);
  }
  // Array.prototype.flat is a generic, slow path; the path can be a paragraph long.
  const out: string[] = [];
  for (let k = picked.length - 1; k >= 0; k--) for (const ch of picked[k] ?? []) out.push(ch);
  return out;
}
