/**
 * Chinese has no spaces to anchor a character model, and a damaged Han
 * character often has dozens of candidates; words decide better than
 * characters. This chooses among candidate characters by the most probable
 * segmentation into dictionary words (jieba's dictionary, word unigram
 * model — the same model jieba segments with), found by dynamic programming
 * over the lattice of candidates.
 */
import { dict } from "@node-rs/jieba/dict.js";
import { charModel } from "./char-model.ts";

interface TrieNode {
  children: Map<string, TrieNode>;
  /** log P(word ending here), or null when no word ends here. */
  logP: number | null;
}

// Longer dictionary words are rare and make the lattice walk explode.
const maxWordLength = 4;
const wordCandidates = 48;
/**
 * A word of our own (rare-earth) prose counts like a common dictionary word
 * per occurrence: "稀土" is rare in general Chinese and everywhere in ours.
 */
const domainBoost = 500;
let trie: TrieNode | null = null;
let unknownLogP = 0;

function newNode(): TrieNode {
  return { children: new Map(), logP: null };
}

function wordTrie(): TrieNode {
  if (trie) return trie;
  const root = newNode();
  const entries: [string, number][] = [];
  let total = 0;
  for (const line of Buffer.from(dict).toString("utf8").split("\n")) {
    const [word, freqText] = line.split(" ");
    const freq = Number(freqText);
    if (!word || !(freq > 0) || [...word].length > maxWordLength) continue;
    entries.push([word, freq]);
    total += freq;
  }
  for (const [word, count] of charModel().words) {
    entries.push([word, count * domainBoost]);
    total += count * domainBoost;
  }
  for (const [word, freq] of entries) {
    let node = root;
    for (const ch of word) {
      let child = node.children.get(ch);
      if (!child) {
        child = newNode();
        node.children.set(ch, child);
      }
      node = child;
    }
    // A word listed twice (dictionary and domain) keeps both counts.
    const prior = node.logP === null ? 0 : Math.exp(node.logP) * total;
    node.logP = Math.log((prior + freq) / total);
  }
  // A character no word covers costs more than the rarest word.
  unknownLogP = Math.log(0.5 / total);
  trie = root;
  return root;
}

/** Words starting at a position: their characters and log-probability. */
function wordsAt(
  root: TrieNode,
  slots: string[][],
  wordSlots: string[][],
  sets: Set<string>[],
  i: number,
): { chars: string[]; logP: number }[] {
  const out: { chars: string[]; logP: number }[] = [];
  // Any single candidate is a word: a dictionary one, or an unknown one at a cost.
  for (const c of slots[i] ?? [])
    out.push({ chars: [c], logP: root.children.get(c)?.logP ?? unknownLogP });
  const stack: { node: TrieNode; j: number; chars: string[] }[] = [{ node: root, j: i, chars: [] }];
  while (stack.length > 0) {
    const top = stack.pop();
    if (!top || top.j >= slots.length || top.chars.length >= maxWordLength) continue;
    const candidates = wordSlots[top.j] ?? [];
    const allowed = sets[top.j];
    const found: [string, TrieNode][] = [];
    // Walk whichever is smaller: the node's children or the position's candidates.
    if (allowed && top.node.children.size < candidates.length) {
      for (const [c, child] of top.node.children) if (allowed.has(c)) found.push([c, child]);
    } else {
      for (const c of candidates) {
        const child = top.node.children.get(c);
        if (child) found.push([c, child]);
      }
    }
    for (const [c, child] of found) {
      const chars = [...top.chars, c];
      if (chars.length > 1 && child.logP !== null) out.push({ chars, logP: child.logP });
      if (child.children.size > 0) stack.push({ node: child, j: top.j + 1, chars });
    }
  }
  return out;
}

/**
 * For each position, the candidates (a fixed character is a one-element
 * list); returns the chosen character per position: the most probable
 * segmentation into words over all choices. (Adding the character model's
 * bigrams across words made it worse on the evaluation texts: they are
 * estimated from the same dictionary and only count its words twice.)
 */
export function bestWordPath(slots: string[][]): string[] {
  const root = wordTrie();
  const n = slots.length;
  // Words are built from each position's likeliest candidates only: the walk
  // grows with their product. Any candidate can still stand as a word alone.
  const wordSlots = slots.map((s) => s.slice(0, wordCandidates));
  const sets = wordSlots.map((s) => new Set(s));
  const best = new Array<number>(n + 1).fill(Number.NEGATIVE_INFINITY);
  const back: ({ from: number; chars: string[] } | undefined)[] = new Array(n + 1);
  best[0] = 0;
  for (let i = 0; i < n; i++) {
    const base = best[i] ?? Number.NEGATIVE_INFINITY;
    if (base === Number.NEGATIVE_INFINITY) continue;
    for (const word of wordsAt(root, slots, wordSlots, sets, i)) {
      const end = i + word.chars.length;
      const score = base + word.logP;
      if (score > (best[end] ?? Number.NEGATIVE_INFINITY)) {
        best[end] = score;
        back[end] = { from: i, chars: word.chars };
      }
    }
  }
  const out: string[] = [];
  for (let end = n; end > 0; ) {
    const step = back[end];
    if (!step) return slots.map((s) => s[0] ?? "");
    out.unshift(...step.chars);
    end = step.from;
  }
  return out;
}
