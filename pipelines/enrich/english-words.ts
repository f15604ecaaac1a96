/**
 * Shared judgements about English words in names: is a word ordinary
 * vocabulary, does a candidate name have a distinctive word, which leading
 * words are sentence or heading material, is a line a title-case heading.
 */
import { type Candidate, slugOf } from "./candidate.ts";
import { GENERIC_WORDS, LEADING_STOPWORDS } from "./lexicon.ts";
import { isPinyinWord } from "./pinyin.ts";

export const LEGAL_SUFFIX =
  /,?\s*(?:Co\.,? ?Ltd\.?|Co\.|Inc\.?|Ltd\.?|Limited|LLC|PLC|plc|Corp\.?)$/u;

/** A capitalised word that says nothing distinctive on its own (GENERIC_WORDS), ignoring case. */
export const isGeneric = (word: string) =>
  GENERIC_WORDS.has(word.toLowerCase().replace(/[.,]/g, ""));

/** A name needs one word that is not department vocabulary: "Metrology Center" is no name. */
export function isDistinctive(words: string[]): boolean {
  return words.some((w) => /^[A-Z]/.test(w) && !isGeneric(w));
}

/** Drops heading and sentence words in front of a name ("The", "At", "Chairman"). */
export function trimLeading(text: string, start: number): { text: string; start: number } {
  let rest = text;
  let at = start;
  for (;;) {
    const m = /^(\S+)\s+/.exec(rest);
    const word = m?.[1];
    // Headings open with a gerund ("Strengthening Party Building"); "Beijing" is pinyin, not one.
    const gerund = word !== undefined && /^[A-Z][a-z]+ing$/.test(word) && !isPinyinWord(word);
    if (!m || word === undefined || !(LEADING_STOPWORDS.has(word) || gerund)) {
      return { text: rest, start: at };
    }
    rest = rest.slice(m[0].length);
    at += m[0].length;
  }
}

/** A name no list knows, as a candidate whose id is made from its words (an organisation's legal suffix left out). */
export function unknownName(
  type: "organization" | "location" | "person",
  text: string,
  start: number,
  source: Candidate["source"],
): Candidate {
  const prefix = { organization: "org", location: "loc", person: "per" }[type];
  const name = type === "organization" ? text.replace(LEGAL_SUFFIX, "") : text;
  return { start, end: start + text.length, id: `${prefix}:${slugOf(name)}`, type, name, source };
}

const SMALL_WORDS =
  /^(?:a|an|and|as|at|by|for|from|in|into|of|on|or|the|to|vs\.?|with|is|are|&|-|–|—)$/u;

/** Where a heading or sentence ends: a line break, a colon, or a full stop that ends no abbreviation. */
const SEGMENT_END = /\n|[:?!;] |(?<![A-Z][A-Za-z]{0,3}|\b[a-z]{1,3})\. /gu;

/** The last text whose segments were computed: their ends, and each segment's title-case verdict once asked. */
let segmentsOf: { text: string; ends: number[]; titleCase: Map<number, boolean> } = {
  text: "",
  ends: [],
  titleCase: new Map(),
};

/** The segments of a text, computed once per text (every recogniser asks about the same body). */
function segments(text: string): typeof segmentsOf {
  if (segmentsOf.text !== text) {
    const ends = [...text.matchAll(SEGMENT_END)].flatMap((m) => [m.index, m.index + m[0].length]);
    segmentsOf = { text, ends, titleCase: new Map() };
  }
  return segmentsOf;
}

/**
 * Whether the heading or sentence around an offset is in title case ("Why
 * China Controls Rare Earths", "17 Units Join Forces to Develop High-Tech
 * Industry"), where capitals say nothing about names.
 */
export function inTitleCaseLine(text: string, offset: number): boolean {
  // `ends` is [end of segment 0, start of segment 1, end of segment 1, …]; count those ≤ offset.
  const { ends, titleCase } = segments(text);
  let low = 0;
  let high = ends.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((ends[mid] ?? 0) <= offset) low = mid + 1;
    else high = mid;
  }
  // An odd count puts the offset inside a separator, which no name starts in.
  if (low % 2 === 1) return false;
  const known = titleCase.get(low);
  if (known !== undefined) return known;
  const start = ends[low - 1] ?? 0;
  const end = ends[low] ?? text.length;
  const words = text
    .slice(start, end)
    .split(/\s+/)
    .filter((w) => /\p{L}/u.test(w) && !SMALL_WORDS.test(w.toLowerCase()));
  const verdict = words.length >= 4 && words.every((w) => /^[^\p{L}]*[\p{Lu}\d]/u.test(w));
  titleCase.set(low, verdict);
  return verdict;
}
