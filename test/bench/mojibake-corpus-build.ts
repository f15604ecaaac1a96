/**
 * Builds the mojibake corpus (test/fixtures/mojibake/cases.jsonl) from texts
 * written for it: every clean text of source-texts.txt through every
 * wrong-code-page path a real page goes through (UTF-8 bytes decoded with a
 * single-byte code page, by iconv-lite), plus the clean texts themselves and
 * those of suspicious-texts.txt, which must come back untouched. A lost
 * byte (a code page's undefined byte, decoded as U+FFFD) leaves its character
 * expected as U+FFFD. Run: npx tsx test/bench/mojibake-corpus-build.ts
 */
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import iconv from "iconv-lite";

const dir = fileURLToPath(new URL("../fixtures/mojibake/", import.meta.url));

/**
 * One case: `input` must repair to `expected` (equal to it for a correct
 * text). Where the damage lost bytes, `expected` has U+FFFD for each lost
 * character and `original` is the text: a lost character read back as the
 * original one counts as restored too (restoredExactly).
 */
export interface MojibakeCase {
  id: string;
  kind: "broken" | "correct";
  path: string;
  lang: string;
  input: string;
  expected: string;
  original?: string;
}

/**
 * Whether a repair's output is the expected text, where each lost character
 * (U+FFFD in `expected`) may also be the original character; and how many
 * lost characters it read back as the original.
 */
export function restoredExactly(
  out: string,
  c: Pick<MojibakeCase, "expected" | "original">,
): { ok: boolean; readBack: number } {
  if (out === c.expected || c.original === undefined)
    return { ok: out === c.expected, readBack: 0 };
  const got = [...out];
  const want = [...c.expected];
  const was = [...c.original];
  if (got.length !== want.length || want.length !== was.length) return { ok: false, readBack: 0 };
  let readBack = 0;
  for (let i = 0; i < got.length; i++) {
    if (got[i] === want[i]) continue;
    if (want[i] !== "\uFFFD" || got[i] !== was[i]) return { ok: false, readBack: 0 };
    readBack++;
  }
  return { ok: true, readBack };
}

export const singleByte = [
  "windows-1252",
  "windows-1251",
  "windows-1250",
  "windows-1253",
  "windows-1254",
  "windows-1257",
  "iso-8859-2",
  "iso-8859-15",
  "macintosh",
  "cp437",
  "cp850",
  "koi8-r",
];

/** WHATWG decoding: an undefined windows-1252 byte becomes its C1 control, as browsers do. */
export function browserCp1252(bytes: Buffer): string {
  let out = "";
  for (const b of bytes) {
    const ch = iconv.decode(Buffer.from([b]), "windows-1252");
    out += ch === "\uFFFD" ? String.fromCharCode(b) : ch;
  }
  return out;
}

/**
 * A browser's windows-1252 decode with its C1 controls stripped, as
 * sanitisers do: the characters whose bytes windows-1252 leaves undefined
 * are lost as with a strict decoder, but nothing marks where.
 */
export function c1StrippedCp1252(bytes: Buffer): string {
  return browserCp1252(bytes).replace(/[\u0080-\u009F]/g, "");
}

/**
 * UTF-8 read by a strict windows-1252 decoder, then written to Latin-1 by an
 * encoder that puts "?" for what Latin-1 lacks (Python's errors="replace",
 * a latin1 database column): ’ is "â€™" and then "â??".
 */
export function questionMarkedCp1252(bytes: Buffer): string {
  return iconv.decode(bytes, "windows-1252").replace(/[\u0100-\u{10FFFF}]/gu, "?");
}

/** The original with each character whose UTF-8 bytes a code page cannot decode replaced by U+FFFD. */
export function expectedThrough(text: string, cp: string): string {
  let out = "";
  for (const ch of text) {
    const lost = iconv.decode(Buffer.from(ch, "utf8"), cp).includes("\uFFFD");
    out += lost ? "\uFFFD" : ch;
  }
  return out;
}

/** CESU-8: each astral character as two 3-byte surrogates. */
function cesu8(text: string): Buffer {
  const parts: Buffer[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) {
      parts.push(Buffer.from([0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f)]));
    } else parts.push(Buffer.from(text.charAt(i), "utf8"));
  }
  return Buffer.concat(parts);
}

export function readTexts(name: string): { lang: string; text: string }[] {
  return readFileSync(`${dir}${name}`, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => {
      const tab = line.indexOf("\t");
      return tab > 0 && tab < 4
        ? { lang: line.slice(0, tab), text: line.slice(tab + 1) }
        : { lang: "mixed", text: line };
    });
}

export function buildCases(): MojibakeCase[] {
  const cases: MojibakeCase[] = [];
  const add = (c: Omit<MojibakeCase, "id">) => {
    if (c.kind === "broken" && c.input === c.expected) return;
    cases.push({ id: `${c.kind}-${String(cases.length).padStart(4, "0")}`, ...c });
  };
  const sources = readTexts("source-texts.txt");
  for (const { lang, text } of sources) {
    const utf8 = Buffer.from(text, "utf8");
    for (const cp of singleByte) {
      add({
        kind: "broken",
        path: `utf8-as-${cp}`,
        lang,
        input: iconv.decode(utf8, cp),
        expected: expectedThrough(text, cp),
        ...(expectedThrough(text, cp) !== text ? { original: text } : {}),
      });
    }
    add({
      kind: "broken",
      path: "utf8-as-browser-windows-1252",
      lang,
      input: browserCp1252(utf8),
      expected: text,
    });
    const stripped = c1StrippedCp1252(utf8);
    if (stripped !== browserCp1252(utf8))
      add({
        kind: "broken",
        path: "utf8-as-browser-windows-1252-c1-stripped",
        lang,
        input: stripped,
        expected: expectedThrough(text, "windows-1252"),
        original: text,
      });
    // Only where every "?" the encoder wrote stands for the second byte of a
    // punctuation mark or symbol ("â??" for ’, "â?¬" for €): what else it replaced
    // is lost beyond reading back.
    const questioned = questionMarkedCp1252(utf8);
    if (
      questioned !== iconv.decode(utf8, "windows-1252") &&
      questioned.replace(/â\?[?¬¦¢]/g, "").split("?").length === text.split("?").length
    )
      add({
        kind: "broken",
        path: "utf8-as-windows-1252-then-latin-1-question-marks",
        lang,
        input: questioned,
        expected: text,
      });
    add({
      kind: "broken",
      path: "utf8-as-latin-1",
      lang,
      input: utf8.toString("latin1"),
      expected: text,
    });
    add({
      kind: "broken",
      path: "utf8-as-windows-1252-twice",
      lang,
      input: browserCp1252(Buffer.from(browserCp1252(utf8), "utf8")),
      expected: text,
    });
    add({
      kind: "broken",
      path: "utf8-as-windows-1252-nbsp-as-space",
      lang,
      input: browserCp1252(utf8).replace(/\u00A0/g, " "),
      expected: text,
    });
    if (/[\uD800-\uDFFF]/.test(text))
      add({
        kind: "broken",
        path: "cesu8-as-windows-1252",
        lang,
        input: browserCp1252(cesu8(text)),
        expected: text,
      });
    const cp1252 = iconv.encode(text, "windows-1252");
    if (iconv.decode(cp1252, "windows-1252") === text && /[\u0100-\uFFFF]/.test(text))
      add({
        kind: "broken",
        path: "windows-1252-as-latin-1",
        lang,
        input: cp1252.toString("latin1"),
        expected: text,
      });
  }
  for (const { lang, text } of [...sources, ...readTexts("suspicious-texts.txt")])
    add({ kind: "correct", path: "correct", lang, input: text, expected: text });
  return cases;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const cases = buildCases();
  writeFileSync(`${dir}cases.jsonl`, `${cases.map((c) => JSON.stringify(c)).join("\n")}\n`);
  const broken = cases.filter((c) => c.kind === "broken").length;
  console.log(`${cases.length} cases: ${broken} broken, ${cases.length - broken} correct`);
}
