/**
 * Characters whose bytes a decoder lost, read back where nothing is guessed.
 *
 * A strict decoder turns the bytes its code page leaves undefined into
 * U+FFFD: UTF-8 read as windows-1252 loses 81 8D 8F 90 9D ("Łódź" becomes
 * "Å�Ã³dÅº"), read as windows-1251 loses only 98 ("Италия", И = D0 98,
 * becomes "Р�С‚Р°Р»РёСЏ"). The lead byte survives, so a lost character is
 * one of the few that its lead and those undefined bytes can spell:
 * - exactly one: it is that one (windows-1251's И, ј, ј…);
 * - ” among them (E2 80 9D, "â€�") where an opening “ before it in the line
 *   is still open: the quote closes;
 * - otherwise it stays U+FFFD. Choosing among letters by franc's trigram
 *   models (shared/text/letter-familiarity.ts) was tried: on the mojibake corpus's texts
 *   through five code pages it put a wrong letter for 69 lost characters
 *   ("язык" as "эзык"); ELD's larger n-gram tables, tried on a few words,
 *   still took "экспорт" for "якспорт" and cost ~60 MB. A wrong letter is
 *   silent corruption; U+FFFD says what was lost.
 */
import type { LostChar } from "./utf8-lenient.ts";

/** Whether a “ before `at` is still open there (no ” after it). */
function quoteOpenBefore(text: string, at: number): boolean {
  const open = text.lastIndexOf("\u201C", at);
  return open >= 0 && text.lastIndexOf("\u201D", at) < open;
}

/** The character the lost one at `at` was, when that is certain or the open quote tells; else null. */
function readBack(text: string, at: number, options: readonly string[]): string | null {
  if (options.length === 1) return options[0] ?? null;
  return options.includes("\u201D") && quoteOpenBefore(text, at) ? "\u201D" : null;
}

/**
 * `text` (a decode, between `left` and `right` context) with the lost
 * characters that can be read back restored, left to right; and how many were.
 */
export function restoreLostChars(
  text: string,
  lost: readonly LostChar[],
  left = "",
  right = "",
): { text: string; restored: number } {
  if (lost.length === 0) return { text, restored: 0 };
  let whole = left + text + right;
  let restored = 0;
  for (const { at, options } of lost) {
    const position = left.length + at;
    const chosen = readBack(whole, position, options);
    // Only a BMP character takes the U+FFFD's single code unit, so positions hold.
    if (chosen === null || chosen.length !== 1) continue;
    whole = whole.slice(0, position) + chosen + whole.slice(position + 1);
    restored++;
  }
  return { text: whole.slice(left.length, whole.length - right.length), restored };
}
