/**
 * Unicode and whitespace normalisation for stored, searchable text: NFC,
 * line endings and separators, lone surrogates, terminal colour codes,
 * control and zero-width characters, stray U+FFFD (not one in a word, which
 * marks a lost character), exotic spaces, Latin ligatures and full-width
 * ASCII. Full-width punctuation (，。：) is left alone: it is how Chinese is
 * written and analyzers handle it; full-width digits and Latin letters are
 * folded because "１９８３" would never match "1983".
 */
import type { Repair } from "../../../shared/document.ts";

// A terminal's escape sequences, pasted from a log or a console ("\x1b[36m", an OSC title):
// removed whole, before the controls, or "[36m" would be left standing.
// biome-ignore lint/suspicious/noControlCharactersInRegex: escape sequences start with ESC
const terminalEscapes = /\u001B\[[0-?]*[ -/]*[@-~]|\u001B\][^\u0007\u001B]*(?:\u0007|\u001B\\)/g;
// Half of a surrogate pair without the other (a JSON escape cut in two): not a character at
// all, and no analyzer or JSON parser downstream takes it the same way. It becomes U+FFFD, the
// mark of a lost character, which the rule below keeps in a word and removes elsewhere.
const loneSurrogates = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// C0 controls except tab and newline, DEL, and C1 controls.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const controls = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
// Invisible characters that split words for search; ZWJ/ZWNJ are kept because
// emoji sequences and some scripts depend on them.
const zeroWidth = /[\u200B\u2060\uFEFF\u00AD]/g;
// "锟斤拷" is U+FFFD U+FFFD encoded as UTF-8 and read back as GBK. A run of U+FFFD that
// touches a letter or digit stays: it stands for characters of that word whose bytes were lost
// (the repair leaves them so, repair/lost-chars.ts), and removing it would store the word's
// pieces as a word never written ("Ру��кий" → "Рукий"). Search loses nothing by it: analyzers
// break words at U+FFFD. A run that touches no letter or digit is stray and goes.
const replacement = /(?:锟斤拷)+|(?<![\p{L}\p{M}\p{N}\uFFFD])\uFFFD+(?![\p{L}\p{M}\p{N}\uFFFD])/gu;
const spaces = /[\u00A0\u2000-\u200A\u202F\u205F\u3000]/g;
const fullWidth = /[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g;
// Latin ligatures (ﬁ ﬂ ﬀ ﬃ ﬄ ﬅ ﬆ), which PDF and typeset sources leave in words: "ﬁnancial"
// would not match "financial" under an analyzer that does not fold them.
const ligatures = /[\uFB00-\uFB06]/g;
/** What the three passes above look for: ESC, a surrogate (paired or not), a ligature. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: ESC starts a terminal escape
const rareUnits = /[\u001B\uD800-\uDFFF\uFB00-\uFB06]/;

function countAndReplace(
  text: string,
  pattern: RegExp,
  by: string | ((m: string) => string),
): { text: string; count: number } {
  let count = 0;
  const out = text.replace(pattern, (m) => {
    count++;
    return typeof by === "string" ? by : by(m);
  });
  return { text: out, count };
}

export function cleanupText(text: string): { text: string; repairs: Repair[] } {
  const repairs: Repair[] = [];
  // Unicode's line and paragraph separators end lines as "\n" does (a paragraph per line).
  let t = text.replace(/\r\n?|[\u2028\u2029]/g, "\n").normalize("NFC");

  // Surrogates, escapes and ligatures are rare: one test spares most texts three passes.
  const rare = rareUnits.test(t);
  if (rare) {
    const half = countAndReplace(t, loneSurrogates, "\uFFFD");
    t = half.text;
    if (half.count)
      repairs.push({ kind: "lone-surrogates", count: half.count, detail: "marked lost" });

    const esc = countAndReplace(t, terminalEscapes, "");
    t = esc.text;
    if (esc.count) repairs.push({ kind: "terminal-escapes", count: esc.count, detail: "removed" });
  }

  const ctl = countAndReplace(t, controls, "");
  t = ctl.text;
  if (ctl.count) repairs.push({ kind: "control-chars", count: ctl.count });

  const zw = countAndReplace(t, zeroWidth, "");
  t = zw.text;
  if (zw.count) repairs.push({ kind: "zero-width", count: zw.count });

  const rep = countAndReplace(t, replacement, "");
  t = rep.text;
  if (rep.count) repairs.push({ kind: "replacement-char", count: rep.count, detail: "removed" });

  t = t.replace(spaces, " ");
  const fw = countAndReplace(t, fullWidth, (m) =>
    String.fromCharCode((m.codePointAt(0) ?? 0) - 0xfee0),
  );
  t = fw.text;
  if (fw.count) repairs.push({ kind: "full-width", count: fw.count, detail: "folded to ASCII" });

  if (rare) {
    const lig = countAndReplace(t, ligatures, (m) => m.normalize("NFKC"));
    t = lig.text;
    if (lig.count) repairs.push({ kind: "ligatures", count: lig.count, detail: "spelled out" });
  }

  t = t
    .split("\n")
    .map((line) => line.replace(/[ \t]+$/, ""))
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .replace(/^\n+|\n+$/g, "");
  return { text: t, repairs };
}
