/**
 * The states of the word lattice's search (word-lattice.ts). A state is
 * keyed by what the next word's context depends on (the last word's last
 * character and class); each key keeps its best state. States live in
 * typed arrays reused from one search to the next, and a word ends at most
 * `maxWordLength` positions ahead, so only that many positions are open at
 * once: each has a small hash table from key to state (a ring of them),
 * which stays in cache where a Map per position would allocate and rehash
 * for every one of the hundred words a damaged position starts.
 */
import { grown } from "./typed-arrays.ts";
import { maxWordLength } from "./word-lexicon.ts";

/** States kept per position: the best few by last character and class. */
export const beamWidth = 8;
/** A state this far behind the best at its position is not extended. */
export const stateMargin = 8;

/** One open position: key → state index by open addressing, and its states in order of arrival. */
class Position {
  keys = new Int32Array(512);
  index = new Int32Array(512);
  /** A slot is live when its stamp is the position's. */
  stamps = new Int32Array(512);
  stamp = 1;
  states: number[] = [];
  best = Number.NEGATIVE_INFINITY;

  reset(): void {
    this.stamp++;
    this.states.length = 0;
    this.best = Number.NEGATIVE_INFINITY;
  }

  private slot(key: number): number {
    return (Math.imul(key, 0x9e3779b1) >>> 7) & (this.keys.length - 1);
  }

  /** The state of `key`, or -1. */
  find(key: number): number {
    const mask = this.keys.length - 1;
    for (let h = this.slot(key); this.stamps[h] === this.stamp; h = (h + 1) & mask)
      if (this.keys[h] === key) return this.index[h] ?? -1;
    return -1;
  }

  insert(key: number, state: number): void {
    // At most half full: grow before a probe could run long.
    if (2 * (this.states.length + 1) > this.keys.length) this.grow();
    this.place(key, state);
    this.states.push(state);
  }

  private place(key: number, state: number): void {
    const mask = this.keys.length - 1;
    let h = this.slot(key);
    while (this.stamps[h] === this.stamp) h = (h + 1) & mask;
    this.stamps[h] = this.stamp;
    this.keys[h] = key;
    this.index[h] = state;
  }

  private grow(): void {
    const { keys, index, stamps, stamp } = this;
    const size = 2 * keys.length;
    this.keys = new Int32Array(size);
    this.index = new Int32Array(size);
    this.stamps = new Int32Array(size);
    this.stamp = 1;
    for (let h = 0; h < keys.length; h++)
      if (stamps[h] === stamp) this.place(keys[h] ?? 0, index[h] ?? 0);
  }
}

export class States {
  count = 0;
  score = new Float64Array(1024);
  /** The word that ended here (-1 at the start), and the state it extended. */
  word = new Int32Array(1024);
  prev = new Int32Array(1024);
  /**
   * Where the pair that made the state comes in the order of a plain search
   * (position, then rank of the state extended, then word): among pairs
   * that score the same, the first in that order is kept, as a plain search
   * keeps the first it met.
   */
  order = new Float64Array(1024);
  private readonly ring = Array.from({ length: maxWordLength + 1 }, () => new Position());

  /** Starts a new search. */
  clear(): void {
    this.count = 0;
    for (const p of this.ring) p.reset();
  }

  private at(j: number): Position {
    return this.ring[j % this.ring.length] as Position;
  }

  /** Position i is done (its beam taken); its table serves position i + maxWordLength + 1. */
  close(i: number): void {
    this.at(i).reset();
  }

  /** The states at position j, in order of arrival. */
  statesAt(j: number): readonly number[] {
    return this.at(j).states;
  }

  /**
   * Offers a state at position j. `prune`: a state behind the best there by
   * more than the margin is never extended nor the end of the best path, and
   * is not stored (unpruned offers keep the keys in the order a plain search
   * would meet them, which decides ties in the beam).
   */
  add(
    j: number,
    key: number,
    score: number,
    word: number,
    prev: number,
    order: number,
    prune: boolean,
  ): void {
    const here = this.at(j);
    if (prune && score < here.best - stateMargin) return;
    const index = here.find(key);
    if (index < 0) {
      if (this.count === this.score.length) this.grow();
      const s = this.count++;
      here.insert(key, s);
      this.score[s] = score;
      this.word[s] = word;
      this.prev[s] = prev;
      this.order[s] = order;
    } else {
      const held = this.score[index] ?? 0;
      if (held > score || (held === score && (this.order[index] ?? 0) <= order)) return;
      this.score[index] = score;
      this.word[index] = word;
      this.prev[index] = prev;
      this.order[index] = order;
    }
    if (score > here.best) here.best = score;
  }

  private grow(): void {
    const size = 2 * this.score.length;
    this.score = grown(this.score, size);
    this.word = grown(this.word, size);
    this.prev = grown(this.prev, size);
    this.order = grown(this.order, size);
  }

  /** The best few states at position i, best first (earlier arrivals first among equals). */
  beam(i: number): number[] {
    const here = this.at(i);
    const out: number[] = [];
    const cut = here.best - stateMargin;
    for (const index of here.states) {
      const score = this.score[index] ?? 0;
      if (score < cut) continue;
      let k = out.length;
      while (k > 0 && (this.score[out[k - 1] ?? 0] ?? 0) < score) k--;
      if (k >= beamWidth) continue;
      out.splice(k, 0, index);
      if (out.length > beamWidth) out.pop();
    }
    return out;
  }
}
