/**
 * Finds every knowledge-base name in a text. A character trie over the folded
 * names is walked from each position, so all matches are seen (not only the
 * leftmost) and the overlap resolver can pick the longest.
 */

import { type KbEntry, knowledgeBase, namesOf } from "../../shared/knowledge/knowledge-base.ts";
import type { Candidate } from "./candidate.ts";
import { foldCase, foldWidth } from "./fold.ts";

interface Terminal {
  entry: KbEntry;
  /** Width-folded name, compared exactly for case-sensitive names. */
  exact: string | null;
}

interface TrieNode {
  /** By UTF-16 code unit: a number key needs no one-character string per step of the walk. */
  next: Map<number, TrieNode>;
  terminals: Terminal[];
}

const newNode = (): TrieNode => ({ next: new Map(), terminals: [] });

function buildTrie(entries: Iterable<KbEntry>): TrieNode {
  const root = newNode();
  for (const entry of entries) {
    for (const { name, caseSensitive } of namesOf(entry)) {
      const key = foldCase(name);
      let node = root;
      for (let i = 0; i < key.length; i++) {
        const code = key.charCodeAt(i);
        let child = node.next.get(code);
        if (!child) {
          child = newNode();
          node.next.set(code, child);
        }
        node = child;
      }
      node.terminals.push({ entry, exact: caseSensitive ? foldWidth(name) : null });
    }
  }
  return root;
}

const trie = buildTrie(knowledgeBase.values());

/** ASCII letters and digits: what a Latin name's edge must not touch. */
function isWordCode(code: number): boolean {
  return (
    (code >= 0x30 && code <= 0x39) ||
    (code >= 0x41 && code <= 0x5a) ||
    (code >= 0x61 && code <= 0x7a)
  );
}

const isWordChar = (ch: string | undefined) => ch !== undefined && isWordCode(ch.charCodeAt(0));

/**
 * A Latin name must not start or end inside a word ("La" in "Lab", "CAS" in
 * "CASE"); Chinese names have no word boundaries to check.
 */
function atBoundaries(text: string, start: number, end: number): boolean {
  const first = text[start];
  const last = text[end - 1];
  if (isWordChar(first) && isWordChar(text[start - 1])) return false;
  if (isWordChar(last) && isWordChar(text[end])) return false;
  return true;
}

/** A knowledge-base entry matched at [start, end) as a candidate. */
export function kbCandidate(entry: KbEntry, start: number, end: number): Candidate {
  return {
    start,
    end,
    id: entry.id,
    type: entry.type,
    name: entry.en,
    ...(entry.zh ? { names: { en: entry.en, zh: entry.zh } } : { names: { en: entry.en } }),
    source: "kb",
  };
}

/** Every knowledge-base name in the text, in either language, as candidates. */
export function matchKnowledgeBase(text: string): Candidate[] {
  const loose = foldCase(text);
  const exact = foldWidth(text);
  const found: Candidate[] = [];
  for (let start = 0; start < loose.length; start++) {
    // Inside a word no name can start (atBoundaries would refuse every match): skip the walk.
    if (start > 0 && isWordCode(text.charCodeAt(start)) && isWordCode(text.charCodeAt(start - 1)))
      continue;
    let node: TrieNode | undefined = trie;
    for (let end = start; node && end < loose.length; ) {
      node = node.next.get(loose.charCodeAt(end));
      end++;
      if (!node || node.terminals.length === 0 || !atBoundaries(text, start, end)) continue;
      for (const terminal of node.terminals) {
        if (terminal.exact !== null && exact.slice(start, end) !== terminal.exact) continue;
        found.push(kbCandidate(terminal.entry, start, end));
      }
    }
  }
  return found;
}
