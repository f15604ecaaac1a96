/**
 * Charset detection beyond the corpus it was built on: the 69 texts of the
 * mojibake corpus (test/fixtures/mojibake/source-texts.txt, 32 languages),
 * each alone, joined per language, and joined six times, encoded without any
 * declaration in each legacy code page (and UTF-16 without a BOM) that can
 * hold them. Prints how many decode exactly, and each failure. Then short
 * snippets (the first 6, 10, 16 and 30 characters of those texts and of the
 * charset corpus's), decoded without and with their language declared
 * (Content-Language), as a page's language is the prior for bytes too few
 * for statistics.
 * Run: npx tsx test/bench/charset-stress.ts
 */
import { readFileSync } from "node:fs";
import iconv from "iconv-lite";
import { decodeOutcome } from "./decode-outcome.ts";

const rows = readFileSync(new URL("../fixtures/mojibake/source-texts.txt", import.meta.url), "utf8")
  .split("\n")
  .filter((line) => line !== "")
  .map((line) => line.split("\t"));
const byLanguage = new Map<string, string[]>();
for (const [language = "", text = ""] of rows)
  byLanguage.set(language, [...(byLanguage.get(language) ?? []), text]);

/** The code pages each language is written in where UTF-8 is not used. */
const encodings: Record<string, string[]> = {
  en: ["windows-1252", "iso-8859-1", "utf-16le", "utf-16be"],
  fr: ["windows-1252", "iso-8859-15", "macintosh", "cp850"],
  de: ["windows-1252", "iso-8859-1", "cp850"],
  es: ["windows-1252", "macintosh"],
  pt: ["windows-1252", "iso-8859-1"],
  sv: ["windows-1252"],
  da: ["windows-1252"],
  no: ["windows-1252"],
  fi: ["windows-1252"],
  is: ["windows-1252"],
  ca: ["windows-1252"],
  ru: ["windows-1251", "koi8-r", "iso-8859-5", "cp866", "maccyrillic", "cp855"],
  uk: ["windows-1251", "koi8-u"],
  bg: ["windows-1251", "iso-8859-5"],
  sr: ["windows-1251"],
  pl: ["windows-1250", "iso-8859-2"],
  cs: ["windows-1250", "iso-8859-2"],
  hu: ["windows-1250", "iso-8859-2"],
  ro: ["iso-8859-16", "windows-1250"],
  el: ["windows-1253", "iso-8859-7"],
  tr: ["windows-1254", "iso-8859-9"],
  he: ["windows-1255", "iso-8859-8"],
  ar: ["windows-1256", "iso-8859-6"],
  fa: ["windows-1256"],
  lt: ["windows-1257", "iso-8859-13"],
  lv: ["windows-1257", "iso-8859-13"],
  et: ["windows-1257", "iso-8859-15"],
  th: ["tis-620", "windows-874"],
  vi: ["windows-1258"],
  zh: ["gb18030", "gbk", "big5", "utf-16le"],
  ja: ["shift_jis", "euc-jp", "iso-2022-jp"],
  ko: ["euc-kr", "iso-2022-kr"],
};

let total = 0;
let right = 0;
const failures: string[] = [];
for (const [language, list] of Object.entries(encodings)) {
  const texts = byLanguage.get(language) ?? [];
  if (texts.length === 0) continue;
  const joined = texts.join(" ");
  const samples = [...texts, joined, Array(6).fill(joined).join("\n")];
  for (const encoding of list) {
    if (!iconv.encodingExists(encoding)) continue;
    samples.forEach((sample, k) => {
      const bytes = iconv.encode(sample, encoding);
      // A text the code page cannot hold is not a case.
      if (iconv.decode(bytes, encoding) !== sample) return;
      total++;
      const { text, detected } = decodeOutcome(bytes);
      if (text === sample) right++;
      else
        failures.push(
          `${language} ${encoding} sample ${k} (${bytes.length} bytes) → ${detected}: ${JSON.stringify(text.slice(0, 40))}`,
        );
    });
  }
}
console.log(`decoded exactly: ${right}/${total} (${((100 * right) / total).toFixed(1)}%)`);
for (const failure of failures) console.log(failure);

const corpusRows = readFileSync(new URL("../fixtures/charset/texts.txt", import.meta.url), "utf8")
  .split("\n")
  .filter((line) => line !== "")
  .map((line) => line.split("\t"));
/** Legacy code pages per language for the snippets (those whose locale default is not windows-1252 among them). */
const snippetEncodings: Record<string, string[]> = {
  ru: ["windows-1251", "koi8-r", "cp866", "iso-8859-5"],
  uk: ["windows-1251", "koi8-u"],
  bg: ["windows-1251"],
  ja: ["shift_jis", "euc-jp"],
  zh: ["gb18030", "big5"],
  ko: ["euc-kr"],
  el: ["windows-1253", "iso-8859-7"],
  he: ["windows-1255"],
  ar: ["windows-1256"],
  th: ["windows-874"],
  pl: ["iso-8859-2", "windows-1250"],
  cs: ["windows-1250", "iso-8859-2"],
  tr: ["windows-1254"],
  lt: ["windows-1257"],
  vi: ["windows-1258"],
  fr: ["windows-1252"],
  de: ["windows-1252"],
  es: ["windows-1252"],
  pt: ["windows-1252"],
};
function decodesTo(bytes: Uint8Array, text: string, contentLanguage?: string): boolean {
  return decodeOutcome(bytes, contentLanguage ? { contentLanguage } : {}).text === text;
}
let snippets = 0;
let without = 0;
let withLanguage = 0;
for (const [tag = "", text = ""] of [...rows, ...corpusRows]) {
  const language = tag.split("-")[0] ?? "";
  for (const encoding of snippetEncodings[language] ?? []) {
    const declared = language === "zh" ? (encoding === "big5" ? "zh-TW" : "zh-CN") : language;
    for (const length of [6, 10, 16, 30]) {
      const snippet = [...text].slice(0, length).join("");
      const bytes = iconv.encode(snippet, encoding);
      if (iconv.decode(bytes, encoding) !== snippet || bytes.every((b) => b < 0x80)) continue;
      snippets++;
      if (decodesTo(bytes, snippet)) without++;
      if (decodesTo(bytes, snippet, declared)) withLanguage++;
    }
  }
}
console.log(
  `\nshort snippets decoded exactly: ${without}/${snippets} undeclared, ${withLanguage}/${snippets} with their language declared`,
);
