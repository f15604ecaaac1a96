/**
 * The charsets a document's language suggests when nobody declared one: the
 * HTML Standard's table of suggested default encodings per locale (section
 * "Determining the character encoding", the user's-locale default), which is
 * what browsers fall back to, and that default's family (KOI8-R beside
 * windows-1251, EUC-JP beside Shift_JIS). Only the language's primary subtag
 * matters, except for Chinese, where the region or script picks GB18030 or
 * Big5. And a test of whether a decode is written in the language's script.
 */
import { familyOf } from "./charset-families.ts";

/** Primary language subtag → charset, from the HTML Standard's table; every other language: windows-1252. */
const byLanguage: Record<string, string> = {
  ar: "windows-1256",
  ba: "windows-1251",
  be: "windows-1251",
  bg: "windows-1251",
  cs: "windows-1250",
  el: "iso-8859-7",
  et: "windows-1257",
  fa: "windows-1256",
  he: "windows-1255",
  hr: "windows-1250",
  hu: "iso-8859-2",
  ja: "shift_jis",
  kk: "windows-1251",
  ko: "euc-kr",
  ku: "windows-1254",
  ky: "windows-1251",
  lt: "windows-1257",
  lv: "windows-1257",
  mk: "windows-1251",
  pl: "iso-8859-2",
  ru: "windows-1251",
  sah: "windows-1251",
  sk: "windows-1250",
  sl: "iso-8859-2",
  sr: "windows-1251",
  tg: "windows-1251",
  th: "windows-874",
  tr: "windows-1254",
  tt: "windows-1251",
  uk: "windows-1251",
  vi: "windows-1258",
};

/** A BCP 47 language tag's subtags, lower case ("zh-Hant-HK" → zh, hant, hk). */
function subtagsOf(tag: string): string[] {
  return tag.trim().toLowerCase().split(/[-_]/);
}

/** A BCP 47 language tag ("ru", "zh-TW", "zh-Hant-HK") → the charset its locale defaults to, or null for no usable tag. */
export function localeDefaultCharset(tag: string): string | null {
  const subtags = subtagsOf(tag);
  const language = subtags[0] ?? "";
  if (!/^[a-z]{2,3}$/.test(language)) return null;
  if (language === "zh") {
    const traditional = subtags.some((s) => s === "hant" || s === "tw" || s === "hk" || s === "mo");
    return traditional ? "big5" : "gb18030";
  }
  return byLanguage[language] ?? "windows-1252";
}

const cyrillicLanguages = new Set([
  "ba",
  "be",
  "bg",
  "kk",
  "ky",
  "mk",
  "ru",
  "sah",
  "sr",
  "tg",
  "tt",
  "uk",
]);
const scriptByLanguage: Record<string, RegExp> = {
  ar: /\p{Script=Arabic}/u,
  fa: /\p{Script=Arabic}/u,
  el: /\p{Script=Greek}/u,
  he: /\p{Script=Hebrew}/u,
  th: /\p{Script=Thai}/u,
  ko: /\p{Script=Hangul}/u,
  zh: /\p{Script=Han}/u,
};
const cyrillicRe = /\p{Script=Cyrillic}/u;
const latinRe = /\p{Script=Latin}/u;
const kanaRe = /[\u3040-\u30FF]/;
const letterRe = /\p{L}/u;

/**
 * Whether a decode is written in a language's script: Japanese has kana
 * (EUC-JP read as Big5 is all Han, read as Shift_JIS half-width katakana);
 * otherwise nine in ten of its non-ASCII letters are of the language's
 * script (Latin for the languages the table leaves at windows-1252).
 */
export function writtenIn(text: string, tag: string): boolean {
  const language = subtagsOf(tag)[0] ?? "";
  if (language === "ja") return kanaRe.test(text);
  const script = cyrillicLanguages.has(language)
    ? cyrillicRe
    : (scriptByLanguage[language] ?? latinRe);
  let letters = 0;
  let inScript = 0;
  for (const ch of text) {
    if ((ch.codePointAt(0) ?? 0) < 0x80 || !letterRe.test(ch)) continue;
    letters++;
    if (script.test(ch)) inScript++;
  }
  return letters > 0 && inScript >= 0.9 * letters;
}

/** The charsets a language tag admits: its locale default first, then the default's family. */
export function languageCharsets(tag: string): readonly string[] {
  const fallback = localeDefaultCharset(tag);
  if (!fallback) return [];
  return [fallback, ...familyOf(fallback).filter((charset) => charset !== fallback)];
}
