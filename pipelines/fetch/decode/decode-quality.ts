/**
 * How clean a candidate decode is. Two measures: broken characters (U+FFFD,
 * controls, private use), which say the decoder did not fit the bytes at
 * all; and anomalies, which tell apart code pages of one script that all
 * decode without errors but put letters and symbols in the wrong places
 * (KOI8-R read as windows-1251 swaps case, IBM866 as MacCyrillic puts
 * symbols inside words, MacRoman as windows-1252 puts "Š" in "KŠufer").
 * A third, mixed scripts, tells a misread code page of another script.
 */

// biome-ignore lint/suspicious/noControlCharactersInRegex: counting control characters is the point
const brokenRe = /[\uFFFD\u0000-\u0008\u000E-\u001A\u001C-\u001F\u007F-\u009F\uE000-\uF8FF]/g;
/** A lower-case letter then a capital inside a word. */
const caseRe = /\p{Ll}\p{Lu}/gu;
/**
 * A symbol, a vulgar fraction or a rare punctuation mark between letters
 * ("c½ur" is cœur through ISO-8859-15 read as windows-1252), or two dashes
 * and quotes together ("compa–’a" is compañía through MacRoman read as
 * windows-1252; one alone is a real apostrophe or "Paris–Berlin").
 */
const symbolInWordRe =
  /\p{L}(?:[\p{S}\u00BC-\u00BE\u2020-\u2021\u2030\u2039\u203A\u201A\u201E\u2026\u2022]+|[\u2013\u2014\u2018\u2019\u201C\u201D]{2,})\p{L}/gu;
/** A symbol or a vulgar fraction stuck to the start of a word. */
const symbolBeforeWordRe =
  /(?<![\p{L}\p{N}])[\p{So}\p{Sm}\u00BC-\u00BE\u2013\u2014\u2020\u2021\u2030\u201A\u201E\u2022]\p{Ll}/gu;
/** Letters of Serbian and Macedonian, rare enough elsewhere to weigh as an anomaly when many. */
const rareCyrillicRe = /[ЂђЃѓЉљЊњЋћЌќЏџЅѕЈј]/g;

/**
 * Letters of scripts that no word joins: Latin against Cyrillic or Greek
 * ("Voilа" is "Voilà" through windows-1251, "L’иTи" is "L’ÉTÉ"), Cyrillic
 * against Greek ("Θeskα"), Hebrew or Arabic against any of them, and a Han or
 * Hangul character between two Latin letters ("A蹥r" is Turkish "Ağır" through
 * GBK). Chinese and Korean glue Latin names to their own letters ("LG전자",
 * "iPhone手机"), so a CJK character only counts with Latin on both sides; an
 * ASCII capital before Cyrillic is a common homoglyph and does not count.
 */
const latinCyrGreek =
  "(?:[a-z\\u00C0-\\u024F][\\u0370-\\u03FF\\u0400-\\u04FF]|[\\u0370-\\u03FF\\u0400-\\u04FF][A-Za-z\\u00C0-\\u024F]|[\\u0370-\\u03FF][\\u0400-\\u04FF]|[\\u0400-\\u04FF][\\u0370-\\u03FF])";
const rtl = "\\p{Script=Hebrew}\\p{Script=Arabic}";
const mixedScriptRe = new RegExp(
  [
    latinCyrGreek,
    `[${rtl}][A-Za-z\\u00C0-\\u04FF]`,
    `[A-Za-z\\u00C0-\\u04FF][${rtl}]`,
    "[A-Za-z](?:\\p{Script=Han}|\\p{Script=Hangul})+(?=[A-Za-z])",
  ].join("|"),
  "gu",
);

function count(re: RegExp, text: string): number {
  re.lastIndex = 0;
  let n = 0;
  while (re.exec(text) !== null) n++;
  return n;
}

/** Number of characters that show the decoder did not fit (U+FFFD, controls other than whitespace, private use). */
export function brokenChars(text: string): number {
  return count(brokenRe, text);
}

/** Whether a decode is clean enough to stand: at most one broken character in 200 (and none in a short text). */
export function isCleanDecode(text: string): boolean {
  const broken = brokenChars(text);
  return broken === 0 || broken / text.length <= 0.005;
}

/** Places where letters of scripts that no word joins meet (mixedScriptRe). */
export function mixedScripts(text: string): number {
  return count(mixedScriptRe, text);
}

/** Anomalies of letter and symbol placement, for choosing among code pages of one script. */
export function anomalies(text: string): number {
  return (
    count(caseRe, text) +
    count(symbolInWordRe, text) +
    count(symbolBeforeWordRe, text) +
    0.5 * count(rareCyrillicRe, text) +
    5 * brokenChars(text)
  );
}
