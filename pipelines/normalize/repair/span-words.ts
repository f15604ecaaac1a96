/**
 * A span of non-ASCII characters can join a damaged word to a correct one
 * by a space: Cyrillic, Greek and Latin-with-accents text is non-ASCII
 * from word to word ("вЂњРїСЂРёРІРµС‚вЂќ — СІЧЕНЬ": windows-1251 mojibake of
 * “привет”, a dash, and the real Ukrainian word СІЧЕНЬ). Decoded as one, the
 * span's signatures carry every word with them, and "СІ" becomes "Ѳ".
 *
 * So no word of a span may come out of its decode weirder than it went in
 * (plausibility.ts): the span is then not taken whole, and its words are
 * repaired one by one instead. A decode that is mojibake still, to be read
 * again in the next layer ("Ã„Æ’" → "Äƒ" → "ă"), is not judged yet.
 */
import { hasSignature, weirdness } from "./plausibility.ts";

/**
 * Whether no word of `decoded` is weirder than the same word of `span`.
 * Spans whose decode has another number of words (a lost no-break space
 * took a space with it) are not judged here.
 */
export function noWordWeirder(span: string, decoded: string): boolean {
  if (!span.includes(" ")) return true;
  const before = span.split(" ");
  const after = decoded.split(" ");
  if (before.length !== after.length) return true;
  for (let k = 0; k < before.length; k++) {
    const word = before[k] ?? "";
    const read = after[k] ?? "";
    if (word !== read && weirdness(read) > weirdness(word) && !hasSignature(read)) return false;
  }
  return true;
}
