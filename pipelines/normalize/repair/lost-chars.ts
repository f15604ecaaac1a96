/**
 * Characters whose bytes a decoder lost, read back where the evidence is strong.
 *
 * A strict decoder turns the bytes its code page leaves undefined into
 * U+FFFD: UTF-8 read as windows-1252 loses 81 8D 8F 90 9D ("Łódź" becomes
 * "Å�Ã³dÅº"), read as windows-1251 loses only 98 ("Италия", И = D0 98,
 * becomes "Р�С‚Р°Р»РёСЏ"). The lead byte survives, so a lost character is
 * one of the few that its lead and those undefined bytes can spell:
 * - exactly one: it is that one (windows-1251's И, ј, ј…);
 * - ” among them (E2 80 9D, "â€�") where an opening “ before it in the line
 *   is still open: the quote closes; or where the characters before it, read
 *   as windows-1252, start a UTF-8 sequence that its byte 94 completes (a
 *   middle layer of double mojibake, "â€" + ” being —'s image);
 * - a Han character between Han characters, among at most five options the
 *   character model knows, when the model finds one clearly likeliest in
 *   its window (the two characters before and after): on the damage
 *   bench's Chinese evaluation texts through windows-1252, 145 of 198 lost
 *   characters are read back, 141 rightly and 4 not ("受下游" as "南下游",
 *   "缺一不可" as "缺一丝�"), and 53 stay U+FFFD; a byte dropped rather
 *   than replaced gives up to twelve options, and a wider margin decides;
 * - otherwise it stays U+FFFD. Choosing among letters by franc's trigram
 *   models (shared/text/letter-familiarity.ts) was tried: on the mojibake corpus's texts
 *   through five code pages it put a wrong letter for 69 lost characters
 *   ("язык" as "эзык"); ELD's larger n-gram tables, tried on a few words,
 *   still took "экспорт" for "якспорт" and cost ~60 MB. A wrong letter is
 *   silent corruption; U+FFFD says what was lost.
 */
import { hanChar } from "../../../shared/text/han.ts";
import { type CharModel, charModel, symbolOf } from "./char-model.ts";
import { windows1252 } from "./code-pages.ts";
import type { LostChar } from "./utf8-lenient.ts";

/** How much likelier (in nats, over the character and the two after it) the chosen Han character must be than the next. */
const hanMargin = 3;
/**
 * The margin for a character whose byte was dropped: its options are more
 * and its place less sure. On the UDHR's Chinese, Cantonese, Wu, Hakka and
 * Japanese paragraphs (423) through windows-1252 with C1 stripped, 957 more
 * characters read back and 6 more wrongly than with the cap of five; a
 * margin of 3 read 25 more rightly and 9 more wrongly.
 */
const droppedMargin = 5;
/** More Han options than this (a code page that leaves many bytes undefined) are left as U+FFFD. */
const maxHanOptions = 5;
/**
 * The same for a character whose byte was dropped, not replaced: the byte
 * may have been in either of two places, so up to twelve options (丁 不 丏 丐
 * 丝 中 for "ä¸", and Extension A characters the model mostly does not know),
 * which a cap of five left U+FFFD nearly always. On the damage bench's
 * Chinese texts, the bilingual fixtures and seed 004 through windows-1252
 * with C1 stripped: 331 → 121 characters left U+FFFD, 2 → 5 read wrongly.
 */
const maxDroppedHanOptions = 12;

/** Whether a “ before `at` is still open there (no ” after it). */
function quoteOpenBefore(text: string, at: number): boolean {
  const open = text.lastIndexOf("\u201C", at);
  return open >= 0 && text.lastIndexOf("\u201D", at) < open;
}

/** log P of `chosen` at `at` and of the two characters after it, given the two before. */
function windowLogProb(model: CharModel, text: string, at: number, chosen: string): number {
  const symbols = [
    ...text.slice(Math.max(0, at - 2), at),
    chosen,
    ...text.slice(at + 1, at + 3),
  ].map(symbolOf);
  const first = Math.min(2, at);
  let sum = 0;
  for (let k = first; k < symbols.length; k++)
    sum += model.logProb(symbols[k - 2] ?? " ", symbols[k - 1] ?? " ", symbols[k] ?? " ");
  return sum;
}

/**
 * The Han options of a lost character between Han characters that the
 * character model (Chinese news) can choose among, or null: few of them (a
 * lost continuation byte through windows-1252 is one of five: 丁 不 丏 丐 丝),
 * which the model tells apart in context far better than letter sequences
 * tell с from э or я. Code pages that leave more bytes undefined
 * (windows-1257: ten) give more options than context can tell apart.
 */
function hanOptions(
  text: string,
  at: number,
  options: readonly string[],
  dropped: boolean,
): string[] | null {
  if (!hanChar.test(text.charAt(at - 1)) && !hanChar.test(text.charAt(at + 1))) return null;
  const model = charModel();
  const known = options.filter((ch) => hanChar.test(ch) && model.count(ch) > 0);
  const cap = dropped ? maxDroppedHanOptions : maxHanOptions;
  return known.length === 0 || known.length > cap ? null : known;
}

/** The Han option likeliest at `at` by a clear margin, its neighbours as `text` has them; or null. */
function clearlyLikeliest(
  text: string,
  at: number,
  known: readonly string[],
  margin: number,
): string | null {
  const model = charModel();
  const scored = known
    .map((ch) => ({ ch, score: windowLogProb(model, text, at, ch) }))
    .sort((a, b) => b.score - a.score);
  const [best, second] = scored;
  if (!best) return null;
  return second === undefined || best.score - second.score >= margin ? best.ch : null;
}

/** A character's byte in windows-1252 (its code for ASCII; above 0xFF when it has none). */
function cp1252Byte(text: string, i: number): number {
  return i < 0 ? -1 : (windows1252.byteOf.get(text.charAt(i)) ?? text.charCodeAt(i));
}

/**
 * Whether ” (0x94 in windows-1252) completes the UTF-8 sequence that the
 * characters before `at`, read as windows-1252, start: the decode is then the
 * middle layer of double mojibake whose 9D a strict decoder lost one layer
 * on ("Ã¢â‚¬â€�" decodes to "â€" and a lost character; "â€”" is the em dash's
 * image, "×”" Hebrew ה's), and no other option keeps it decodable.
 */
function completesSequence(text: string, at: number): boolean {
  const last = cp1252Byte(text, at - 1);
  if (last >= 0xc2 && last <= 0xdf) return true;
  const lead = cp1252Byte(text, at - 2);
  return lead >= 0xe0 && lead <= 0xef && last >= 0x80 && last <= 0xbf;
}

/** The character the lost one at `at` was, when that is certain or the open quote tells; else null. */
function readBack(text: string, at: number, options: readonly string[]): string | null {
  if (options.length === 1) return options[0] ?? null;
  if (!options.includes("\u201D")) return null;
  return quoteOpenBefore(text, at) || completesSequence(text, at) ? "\u201D" : null;
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
  const han = new Map<number, string[]>();
  for (const { at, options, dropped = false } of lost) {
    const known = options.length > 1 ? hanOptions(whole, left.length + at, options, dropped) : null;
    if (known) han.set(left.length + at, known);
  }
  for (const { at, options, dropped = false } of lost) {
    const position = left.length + at;
    const known = han.get(position);
    // Left to right: a character read back is context for the next.
    const chosen = known
      ? clearlyLikeliest(whole, position, known, dropped ? droppedMargin : hanMargin)
      : readBack(whole, position, options);
    // Only a BMP character takes the U+FFFD's single code unit, so positions hold.
    if (chosen === null || chosen.length !== 1) continue;
    whole = whole.slice(0, position) + chosen + whole.slice(position + 1);
    restored++;
  }
  return { text: whole.slice(left.length, whole.length - right.length), restored };
}
