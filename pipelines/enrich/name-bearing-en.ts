/**
 * What is worth handing to compromise: a few words around each run of
 * capitalised words that no list explains. compromise tags every word of
 * what it is given, and most of a news article names nothing new (its
 * capitals are sentence starts, generic words, or names the knowledge base
 * and the patterns already found); reading only windows around the
 * unexplained names keeps its cost to the text that can hold one. The
 * window keeps the cues compromise reads ("said …", "Mr …", "in …").
 */
import type { Candidate } from "./candidate.ts";
import { isGrammarWord } from "./compromise-lexicon.ts";
import { inTitleCaseLine, isGeneric } from "./english-words.ts";
import { CALENDAR_WORDS, LEADING_STOPWORDS } from "./lexicon.ts";

/** Words of context kept on each side of an unexplained capitalised run. */
const CONTEXT_WORDS = 4;
/** What `\s` matches (ECMAScript WhiteSpace and LineTerminator): the breaks between words. */
function isSpace(code: number): boolean {
  return (
    code === 0x20 ||
    (code >= 0x09 && code <= 0x0d) ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/**
 * The words (runs of non-space characters) with their offsets. A scan, not
 * `matchAll(/\S+/g)`: a match array per word was the stage's largest
 * allocation.
 */
function wordsOf(text: string): { text: string; start: number }[] {
  const words: { text: string; start: number }[] = [];
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const space = i === text.length || isSpace(text.charCodeAt(i));
    if (space && start >= 0) {
      words.push({ text: text.slice(start, i), start });
      start = -1;
    } else if (!space && start < 0) start = i;
  }
  return words;
}

/** Where a sentence ends: a window never reaches across it. */
const SENTENCE_END = /[.!?。！？]["”’)]*$/u;

/** A capital letter after any opening quotes or brackets. */
const CAPITALISED = /^["“‘(]*\p{Lu}/u;

function isCapitalised(word: string): boolean {
  return CAPITALISED.test(word);
}

/** Quotes and brackets before a word; punctuation and a possessive after it. */
const LEADING_MARKS = /^["“‘(]+/u;
const TRAILING_MARKS = /(?:['’]s)?["”’).,:;!?'-]*$/u;

/** The word without its marks, and where that bare word starts and ends in the text. */
function bareWord(word: { text: string; start: number }): {
  text: string;
  start: number;
  end: number;
} {
  const lead = LEADING_MARKS.exec(word.text)?.[0].length ?? 0;
  const trail = TRAILING_MARKS.exec(word.text.slice(lead))?.[0].length ?? 0;
  const text = word.text.slice(lead, word.text.length - trail);
  const start = word.start + lead;
  return { text, start, end: start + text.length };
}

function explained(bare: string): boolean {
  return LEADING_STOPWORDS.has(bare) || CALENDAR_WORDS.has(bare) || isGeneric(bare);
}

/** Whether a word starting at `start`, after `previous`, opens a line or a sentence. */
function startsSentence(
  text: string,
  start: number,
  previous: { text: string; start: number } | undefined,
): boolean {
  if (previous === undefined) return true;
  return (
    text.slice(previous.start + previous.text.length, start).includes("\n") ||
    SENTENCE_END.test(previous.text)
  );
}

function coveredBy(known: readonly Candidate[], start: number, end: number): boolean {
  return known.some((c) => c.start <= start && end <= c.end);
}

/**
 * The windows of `text` around capitalised words outside `known` spans and
 * the word lists, one per line; nearby windows merge.
 */
export function nameBearingText(text: string, known: readonly Candidate[]): string {
  const words = wordsOf(text);
  const keep = new Uint8Array(words.length);
  words.forEach((word, i) => {
    if (!isCapitalised(word.text)) return;
    const bare = bareWord(word);
    if (explained(bare.text)) return;
    // `CNRE’s`, `Texas,`: the name the knowledge base found, with a mark after it.
    if (coveredBy(known, bare.start, bare.end)) return;
    // Names in title-case headings are discarded downstream: their capitals say nothing.
    if (inTitleCaseLine(text, word.start)) return;
    // A sentence's first word capitalised as grammar ("It", "Through", "Reported") names nothing.
    if (startsSentence(text, word.start, words[i - 1]) && isGrammarWord(bare.text)) return;
    let from = i;
    for (let k = 0; k < CONTEXT_WORDS && from > 0; k++) {
      if (SENTENCE_END.test(words[from - 1]?.text ?? "")) break;
      from--;
    }
    let to = i;
    for (let k = 0; k < CONTEXT_WORDS && to < words.length - 1; k++) {
      if (SENTENCE_END.test(words[to]?.text ?? "")) break;
      to++;
    }
    keep.fill(1, from, to + 1);
  });
  const lines: string[] = [];
  let line: string[] = [];
  words.forEach((word, i) => {
    if (keep[i]) line.push(word.text);
    else if (line.length > 0) {
      lines.push(line.join(" "));
      line = [];
    }
  });
  if (line.length > 0) lines.push(line.join(" "));
  return lines.join("\n");
}
