/**
 * Whether two letters are ever written by one language: both in the
 * alphabet of some locale of Unicode CLDR (alphabet-data.json, built
 * by alphabets-build.ts). No word puts "Ć" before "Ŗ" or "Ă" before
 * "ą": such a pair of a lead byte's and a continuation byte's images is
 * mojibake, where "ĂŞ" (Romanian) or "Äš" (Slovak) may be a word.
 */
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const alphabets = require("./alphabet-data.json") as string[];

/** Letter → the indices of the alphabets that hold it, as a bit set over 32-bit words. */
const words = Math.ceil(alphabets.length / 32);
const holders = new Map<string, Uint32Array>();
alphabets.forEach((alphabet, k) => {
  for (const ch of alphabet) {
    let bits = holders.get(ch);
    if (!bits) {
      bits = new Uint32Array(words);
      holders.set(ch, bits);
    }
    bits[k >> 5] = (bits[k >> 5] ?? 0) | (1 << (k & 31));
  }
});

/** CLDR writes Romanian with comma below; older text and code pages with a cedilla. */
function folded(ch: string): string {
  const lower = ch.toLowerCase();
  return lower === "ş" ? "ș" : lower === "ţ" ? "ț" : lower;
}

/** Whether some language's alphabet holds both letters (a letter no alphabet holds shares none). */
export function shareAnAlphabet(a: string, b: string): boolean {
  const x = holders.get(folded(a));
  const y = holders.get(folded(b));
  if (!x || !y) return false;
  for (let i = 0; i < words; i++) if (((x[i] ?? 0) & (y[i] ?? 0)) !== 0) return true;
  return false;
}

/**
 * How much of a text's non-ASCII letters one alphabet holds: the largest
 * share any single alphabet covers (1 when one language could have written
 * them all; letters no alphabet holds count against every alphabet).
 */
export function alphabetCoverage(text: string): number {
  const seen = new Set<string>();
  // A combining mark counts as a letter no alphabet holds: a decode must not
  // cover more by turning a letter into a mark ("jar̡málma" for "jarðmálma").
  for (const ch of text)
    if (ch.charCodeAt(0) >= 0x80 && /[\p{L}\p{M}]/u.test(ch)) seen.add(folded(ch));
  if (seen.size === 0) return 1;
  const counts = new Uint16Array(alphabets.length);
  let best = 0;
  for (const ch of seen) {
    const bits = holders.get(ch);
    if (!bits) continue;
    for (let k = 0; k < alphabets.length; k++)
      if (((bits[k >> 5] ?? 0) >>> (k & 31)) & 1) {
        const n = (counts[k] ?? 0) + 1;
        counts[k] = n;
        if (n > best) best = n;
      }
  }
  return best / seen.size;
}
