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
 */
import { hanBigram } from "./han-bigram.ts";
import { hanPos } from "./han-pos.ts";
import { newsBigram } from "./news-bigram.ts";
import {
  type Lexicon,
  lexicon,
  makeWord,
  maxWordLength,
  unknownTag,
  type Word,
} from "./word-lexicon.ts";

interface State {
  score: number;
  /** The word that ended here, and the state it extended. */
  word: Word | null;
  prev: State | null;
}

/** States kept per position: the best few by last character and class. */
const beamWidth = 8;
/** Weights of the character bigram, the class bigram and the word bigram against the words. */
const contextWeight = 0.3;
const classWeight = 0.25;
const wordPairWeight = 0.7;
/**
 * A word this far below the likeliest lone characters over its span cannot
 * win on context, which is worth a few nats at most: it is not tried.
 */
const margin = 12;
/** Lone candidates need to be closer: there are a hundred of them at every damaged position. */
const singleMargin = 8;
/** A state this far behind the best at its position is not extended. */
const stateMargin = 8;

const unknownWords = new Map<string, Word>();

function unknownWord(c: string, logP: number): Word {
  let w = unknownWords.get(c);
  if (!w) {
    w = makeWord([c], logP, unknownTag);
    unknownWords.set(c, w);
  }
  return w;
}

/** Words starting at position i: lone candidates, and the words that fit the damaged forms. */
function wordsAt(
  lex: Lexicon,
  slots: string[][],
  forms: string[],
  singles: number[],
  i: number,
): Word[] {
  const out: Word[] = [];
  const best = singles[i] ?? lex.unknownLogP;
  for (const c of slots[i] ?? []) {
    const w = lex.singles.get(c) ?? unknownWord(c, lex.unknownLogP);
    if (w.logP >= best - singleMargin) out.push(w);
  }
  let floor = best - margin;
  let node = lex.forms.children.get(forms[i] ?? "");
  for (let j = i + 1; node && j < forms.length && j < i + maxWordLength; j++) {
    node = node.children.get(forms[j] ?? "");
    if (!node) break;
    floor += singles[j] ?? lex.unknownLogP;
    // Every word whose damaged form fits, however rare its characters.
    for (const w of node.words) {
      if (w.logP < floor) break;
      out.push(w);
    }
  }
  return out;
}

/**
 * For each position, the candidates (a fixed character is a one-element
 * list) and the damaged form (the text the candidates were read from);
 * returns the chosen character per position: the best segmentation into
 * words over all choices, each word scored by its unigram probability plus
 * three context terms from the word before: the character bigram term of its
 * first character after that word's last, the bigram of their classes and
 * the word bigram.
 * The search is a Viterbi over (position, last character and class), cut to
 * a beam.
 */
export function bestWordPath(slots: string[][], forms: string[], before = ""): string[] {
  const lex = lexicon();
  const context = hanBigram();
  const classes = hanPos();
  const pairs = newsBigram();
  const n = slots.length;
  const singles = slots.map((s) =>
    s.reduce(
      (best, c) => Math.max(best, lex.singles.get(c)?.logP ?? lex.unknownLogP),
      lex.unknownLogP,
    ),
  );
  const states: Map<string, State>[] = Array.from({ length: n + 1 }, () => new Map());
  states[0]?.set("", { score: 0, word: null, prev: null });
  for (let i = 0; i < n; i++) {
    const here = [...(states[i]?.values() ?? [])];
    if (here.length === 0) continue;
    here.sort((a, b) => b.score - a.score);
    const cut = (here[0]?.score ?? 0) - stateMargin;
    const beam = here.slice(0, beamWidth).filter((h) => h.score >= cut);
    const words = wordsAt(lex, slots, forms, singles, i);
    for (const state of beam) {
      const lastChar = state.word?.last ?? before;
      const bonuses = context.bonuses(lastChar);
      const unseen = context.unseen(lastChar);
      const wordRow = state.word ? pairs.bonuses(state.word.text) : undefined;
      const classRow = classes.row(state.word?.tag ?? "^");
      for (const word of words) {
        const score =
          state.score +
          word.logP +
          contextWeight * (bonuses?.get(word.first) ?? unseen) +
          (wordRow === undefined ? 0 : wordPairWeight * (wordRow?.get(word.text) ?? pairs.unseen)) +
          classWeight * (classRow.get(word.tag) ?? 0);
        const end = states[i + word.chars.length];
        const prior = end?.get(word.key);
        if (end && (!prior || prior.score < score)) end.set(word.key, { score, word, prev: state });
      }
    }
  }
  let best: State | null = null;
  for (const state of states[n]?.values() ?? [])
    if (!best || state.score > best.score) best = state;
  if (!best) return slots.map((s) => s[0] ?? "");
  const out: string[] = [];
  for (let s: State | null = best; s; s = s.prev) out.unshift(...(s.word?.chars ?? []));
  return out;
}
