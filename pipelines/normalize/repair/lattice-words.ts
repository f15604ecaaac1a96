/**
 * The words that may start at a position of the word lattice, as compact
 * tables of numbers (ids from lattice-tables.ts): one per candidate list
 * (the lone characters a damaged form may be) and one per node of the
 * lexicon's form trie (the words whose damaged form is that sequence). The
 * same damaged forms recur all through a text, so each table is built once
 * and then read in order, where reading the words themselves would touch
 * scattered objects (a cache miss each) a hundred times per position.
 */
import { at, type LatticeTables, wordStride } from "./lattice-tables.ts";
import { grown } from "./typed-arrays.ts";
import {
  type FormNode,
  type Lexicon,
  maxWordLength,
  singleWord,
  type Word,
} from "./word-lexicon.ts";

export interface WordTable {
  count: number;
  id: Int32Array;
  logP: Float64Array;
  classId: Int32Array;
  first: Int32Array;
  key: Int32Array;
  /** Length in characters. */
  length: Int32Array;
  /** 1 when some word pair ends in the word. */
  paired: Uint8Array;
  /** The best unigram log-probability in the table (at least that of an unknown character). */
  best: number;
}

function tableOf(t: LatticeTables, words: Word[], floor: number): WordTable {
  t.sync();
  const n = words.length;
  const table: WordTable = {
    count: n,
    id: new Int32Array(n),
    logP: new Float64Array(n),
    classId: new Int32Array(n),
    first: new Int32Array(n),
    key: new Int32Array(n),
    length: new Int32Array(n),
    paired: new Uint8Array(n),
    best: floor,
  };
  const info = t.info;
  words.forEach((w, k) => {
    const o = w.id * wordStride;
    table.id[k] = w.id;
    table.logP[k] = info[o + at.logP] ?? 0;
    table.classId[k] = info[o + at.classId] ?? 0;
    table.first[k] = info[o + at.first] ?? 0;
    table.key[k] = info[o + at.key] ?? 0;
    table.length[k] = info[o + at.length] ?? 1;
    table.paired[k] = info[o + at.paired] ?? 0;
    table.best = Math.max(table.best, w.logP);
  });
  return table;
}

/** Tables kept at most, of each kind; documents bring new forms forever, the common ones recur. */
const kept = 50_000;
const byCandidates = new WeakMap<string[], WordTable>();
const byChar = new Map<string, WordTable>();
const byNode = new Map<FormNode, WordTable>();

/** The lone characters of a candidate list, in its order. */
export function singlesTable(t: LatticeTables, lex: Lexicon, candidates: string[]): WordTable {
  // A fixed character comes as a new one-element list each time: keyed by the character.
  const only = candidates.length === 1 ? (candidates[0] ?? "") : null;
  let table = only === null ? byCandidates.get(candidates) : byChar.get(only);
  if (!table) {
    table = tableOf(
      t,
      candidates.map((c) => singleWord(lex, c)),
      lex.unknownLogP,
    );
    if (only === null) byCandidates.set(candidates, table);
    else {
      if (byChar.size >= kept) byChar.clear();
      byChar.set(only, table);
    }
  }
  return table;
}

/** The words whose damaged form ends at a node of the form trie, likeliest first. */
export function nodeTable(t: LatticeTables, lex: Lexicon, node: FormNode): WordTable {
  let table = byNode.get(node);
  if (!table) {
    table = tableOf(t, node.words, lex.unknownLogP);
    if (byNode.size >= kept) byNode.clear();
    byNode.set(node, table);
  }
  return table;
}

/** Margins of the words tried at a position, in nats below the likeliest lone characters. */
export interface WordMargins {
  /** For lone characters (a hundred of them at every damaged position). */
  single: number;
  /** For longer words, below the likeliest lone characters over their span. */
  word: number;
}

/**
 * The words that start at one position: lone candidates, and the words that
 * fit the damaged forms. Copied from the tables into arrays reused from one
 * position to the next.
 */
export class PositionWords {
  count = 0;
  id = new Int32Array(64);
  logP = new Float64Array(64);
  classId = new Int32Array(64);
  first = new Int32Array(64);
  key = new Int32Array(64);
  length = new Int32Array(64);
  paired = new Uint8Array(64);

  private push(table: WordTable, k: number): void {
    const n = this.count;
    if (n === this.id.length) this.grow();
    this.id[n] = table.id[k] ?? 0;
    this.logP[n] = table.logP[k] ?? 0;
    this.classId[n] = table.classId[k] ?? 0;
    this.first[n] = table.first[k] ?? 0;
    this.key[n] = table.key[k] ?? 0;
    this.length[n] = table.length[k] ?? 1;
    this.paired[n] = table.paired[k] ?? 0;
    this.count = n + 1;
  }

  private grow(): void {
    const size = 2 * this.id.length;
    this.id = grown(this.id, size);
    this.logP = grown(this.logP, size);
    this.classId = grown(this.classId, size);
    this.first = grown(this.first, size);
    this.key = grown(this.key, size);
    this.length = grown(this.length, size);
    this.paired = grown(this.paired, size);
  }

  /**
   * The words at position i of the lattice; `singles` holds each position's
   * table of lone characters.
   */
  fill(
    t: LatticeTables,
    lex: Lexicon,
    singles: WordTable[],
    forms: string[],
    i: number,
    margins: WordMargins,
  ): void {
    this.count = 0;
    const lone = singles[i];
    const best = lone?.best ?? lex.unknownLogP;
    if (lone) {
      for (let k = 0; k < lone.count; k++)
        if ((lone.logP[k] ?? 0) >= best - margins.single) this.push(lone, k);
    }
    let floor = best - margins.word;
    let node = lex.forms.children.get(forms[i] ?? "");
    for (let j = i + 1; node && j < forms.length && j < i + maxWordLength; j++) {
      node = node.children.get(forms[j] ?? "");
      if (!node) break;
      floor += singles[j]?.best ?? lex.unknownLogP;
      // Every word whose damaged form fits, however rare its characters (likeliest first).
      const table = nodeTable(t, lex, node);
      for (let k = 0; k < table.count; k++) {
        if ((table.logP[k] ?? 0) < floor) break;
        this.push(table, k);
      }
    }
  }
}
