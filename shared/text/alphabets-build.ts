/**
 * The alphabets of the world's languages, as Unicode CLDR lists them (the
 * main exemplar characters of every locale in `cldr-misc-full`), reduced to
 * what the repair asks of them: which non-ASCII letters one language writes
 * together. Each alphabet is its lower-case letters outside ASCII, sorted;
 * locales that share one are kept once. Written to alphabet-data.json by
 * `npm run models:build`; a unit test checks the shipped file against this.
 */
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const require = createRequire(import.meta.url);

/** The characters of a CLDR exemplar set "[a ą b … {ch} z]": ranges expanded, sequences in braces dropped. */
export function exemplarChars(set: string): string[] {
  const body = set
    .replace(/^\[|\]$/g, "")
    .replace(/\{[^}]*\}/g, " ")
    .replace(/\\(.)/g, "$1")
    .normalize("NFC");
  const units = [...body];
  const chars: string[] = [];
  for (let i = 0; i < units.length; i++) {
    const from = units[i] ?? "";
    const to = units[i + 2];
    if (units[i + 1] === "-" && to !== undefined && to !== " ") {
      const a = from.codePointAt(0) ?? 0;
      const b = to.codePointAt(0) ?? 0;
      for (let c = a; c <= b && c - a < 2000; c++) chars.push(String.fromCodePoint(c));
      i += 2;
    } else chars.push(from);
  }
  return chars;
}

/**
 * Letters (and the vowel signs and other marks that Indic and other alphabets
 * list as letters) of an exemplar set that mojibake can be made of: non-ASCII,
 * below U+2000, lower case.
 */
function alphabetOf(set: string): string {
  const letters = new Set<string>();
  // "İ" lowers to "i" and a combining dot: only the letters of the lower-case form count.
  for (const ch of exemplarChars(set))
    for (const lower of ch.toLowerCase()) {
      const cp = lower.codePointAt(0) ?? 0;
      if (cp >= 0x80 && cp < 0x2000 && /[\p{L}\p{M}]/u.test(lower)) letters.add(lower);
    }
  return [...letters].sort().join("");
}

export function buildAlphabetsJson(): string {
  const main = join(dirname(require.resolve("cldr-misc-full/package.json")), "main");
  const alphabets = new Set<string>();
  for (const locale of readdirSync(main).sort()) {
    const file = join(main, locale, "characters.json");
    let set: string | undefined;
    try {
      set = JSON.parse(readFileSync(file, "utf8")).main[locale].characters.exemplarCharacters;
    } catch {
      continue;
    }
    const alphabet = set ? alphabetOf(set) : "";
    if (alphabet !== "") alphabets.add(alphabet);
  }
  return `${JSON.stringify([...alphabets].sort(), null, 0)}\n`;
}
