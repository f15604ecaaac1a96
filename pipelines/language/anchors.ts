/**
 * Anchors for paragraph alignment: tokens that survive translation unchanged
 * or nearly so — numbers (ASCII, full-width, Chinese numerals, English
 * number and month words), Latin-script names such as `NdFeB` that a
 * Chinese paragraph carries verbatim, and listed names in either script.
 */
import { MONTH_NAMES } from "../../shared/text/months.ts";
import { parseChineseNumber } from "../../shared/text/numbers.ts";
import { nameAnchors } from "./name-anchors.ts";
import { foldFullWidthAlnum } from "./text-forms.ts";

const ENGLISH_NUMBERS: Readonly<Record<string, number>> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  hundred: 100,
  thousand: 1000,
  // "may" is left out: as an anchor it is far more often the verb than the month.
  ...Object.fromEntries(Object.entries(MONTH_NAMES).filter(([name]) => name !== "may")),
};

const MULTIPLIERS: Readonly<Record<string, number>> = {
  million: 1e6,
  billion: 1e9,
  trillion: 1e12,
  万: 1e4,
  萬: 1e4,
  亿: 1e8,
  億: 1e8,
};

/** Scaled so that `1.65 million` and `165万` meet at 1650000; rounded to dodge float noise. */
function numberAnchor(value: number, multiplier: string | undefined): string {
  const scaled =
    value * (multiplier === undefined ? 1 : (MULTIPLIERS[multiplier.toLowerCase()] ?? 1));
  return `#${Math.round(scaled * 1000) / 1000}`;
}

/** Tokens that survive translation (numbers, years, Latin names) for aligning paragraphs across languages. */
export function anchorsOf(text: string): Set<string> {
  const folded = foldFullWidthAlnum(text).text;
  const anchors = new Set<string>();
  for (const match of folded.matchAll(
    /(\d+(?:,\d{3})*(?:\.\d+)?)\s*(million|billion|trillion|万|萬|亿|億)?/gi,
  )) {
    anchors.add(numberAnchor(Number((match[1] ?? "").replaceAll(",", "")), match[2]));
  }
  for (const match of folded.matchAll(/([零〇一二两兩三四五六七八九十百千]+)(万|萬|亿|億)?/g)) {
    const digits = match[1] ?? "";
    // A lone 一 or 十 is usually a word (统一, 十分), not a number.
    if (digits.length < 2 && match[2] === undefined) continue;
    const value = parseChineseNumber(digits);
    if (value !== null) anchors.add(numberAnchor(value, match[2]));
  }
  for (const match of folded.matchAll(/\p{Script=Latin}[\p{Script=Latin}\d-]*/gu)) {
    const word = match[0].toLowerCase();
    const number = ENGLISH_NUMBERS[word];
    if (number !== undefined) anchors.add(`#${number}`);
    else if (/[A-Z].*[A-Z]|\d/.test(match[0])) anchors.add(`@${word}`); // acronyms and model names: NdFeB, CNRE, N52
  }
  for (const name of nameAnchors(folded)) anchors.add(name);
  return anchors;
}

/**
 * Numbers and listed names one side has and the other lacks: translations
 * keep both. Verbatim Latin tokens (`@ndfeb`) are left out, since a Chinese
 * text may well write 钕铁硼 instead.
 */
export function unmatchedAnchors(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  const kept = (anchor: string): boolean => anchor.startsWith("#") || anchor.startsWith("~");
  let unmatched = 0;
  for (const anchor of a) if (kept(anchor) && !b.has(anchor)) unmatched += 1;
  for (const anchor of b) if (kept(anchor) && !a.has(anchor)) unmatched += 1;
  return unmatched;
}

/** Anchors both sides share, over the anchors either side has (Jaccard). */
export function anchorSimilarity(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const anchor of a) if (b.has(anchor)) shared += 1;
  return shared / (a.size + b.size - shared);
}
