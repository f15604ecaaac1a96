/**
 * Signatures of three images: the bytes of a Latin Extended Additional
 * letter read through a code page, which the pair rules (signature-pairs.ts)
 * see as a lead before a word-final symbol and let be.
 */
import { shareAnAlphabet } from "../../../shared/text/alphabets.ts";
import { codePages } from "./code-pages.ts";

const letterRe = /\p{L}/u;

/**
 * The three bytes of a Latin Extended Additional letter (E1 B8 80 – E1 BB BF:
 * Vietnamese ạ ụ ỗ, the dotted letters of Yoruba and transliteration, ḍ ṣ)
 * through one code page, glued to a Latin letter: "á»¥bcd", "abcį»…" (ụ, ễ
 * through windows-1252 and windows-1257), "б»џ" (windows-1251). Where the
 * pair rules see a lead before a word-final "»" or "º", the whole sequence
 * says more: no word ends in an accented letter, a closing guillemet and
 * another symbol glued to letters.
 */
const triples = new Set<string>();
/** The images of E1 in any code page: where a triple can start. */
export const tripleLeads = new Uint8Array(0x10000);
/**
 * What real text writes right after a closing guillemet (Spanish "«… está»—dijo",
 * a footnote "«… más»²"): "á»—" is ỗ through windows-1252 ("má»—i" for mỗi)
 * only where no "«" before it opened a quotation (nor a "»" in an opening
 * place, see openingGuillemet).
 */
export const afterClosingQuote = "…–—¹²³";
/**
 * A "»" after a space or at the start, before a capital, opens a quotation:
 * Spanish carries one on into the next paragraph so, Danish opens with it.
 * (MacRoman's "»" is the lead of ș and ț: "»ôedin»õa" is ședința.)
 */
const openingGuillemet = /(?:^|\s)»(?=\p{Lu})/u;

codePages.forEach((cp) => {
  const lead = cp.high[0xe1 - 0x80] ?? "";
  if (lead.length !== 1) return;
  tripleLeads[lead.charCodeAt(0)] = 1;
  for (let second = 0xb8; second <= 0xbb; second++) {
    const middle = cp.high[second - 0x80] ?? "";
    // A letter there may spell real words with the next: "áš" + "š" or "ť" is
    // Slovak and Sami through ISO-8859-2 ("zvlášť", "áššiid"), so a middle
    // letter counts only before a letter no alphabet writes with it ("бєў":
    // Ukrainian є, Belarusian ў is Ả through windows-1251) or a symbol, less
    // what may follow a real word's end or sit inside one ("náš" and a
    // no-break space, a soft hyphen) and C1 controls. The ordinal indicators
    // are symbols in use.
    const middleLetter = letterRe.test(middle) && middle !== "º" && middle !== "ª";
    for (let third = 0x80; third < 0xc0; third++) {
      const last = cp.high[third - 0x80] ?? "";
      if (middleLetter && !thirdAfterLetter(middle, last)) continue;
      const triple = lead + middle + last;
      if (triple.length === 3) triples.add(triple);
    }
  }
});

/** Whether a triple whose middle image is the letter `middle` counts with `last` after it. */
function thirdAfterLetter(middle: string, last: string): boolean {
  if (letterRe.test(last)) return !shareAnAlphabet(middle, last);
  const code = last.charCodeAt(0);
  return !(code >= 0x80 && code <= 0xa0) && code !== 0xad;
}

/**
 * Whether a quotation is open at `at` in a line: a "«" before it, or a "»"
 * in an opening place. A span judged in a short window of its line is told so.
 */
export function quotationOpen(line: string, at: number): boolean {
  return line.lastIndexOf("«", at) >= 0 || openingGuillemet.test(line.slice(0, at));
}

/**
 * Whether the triple at i (the caller checked its lead) is a glued Latin
 * Extended Additional letter; `quoted`: a quotation is open before the text.
 */
export function gluedTriple(text: string, i: number, quoted: boolean): boolean {
  if (!triples.has(text.slice(i, i + 3))) return false;
  const closesQuote =
    text.charAt(i + 1) === "»" &&
    afterClosingQuote.includes(text.charAt(i + 2)) &&
    (quoted || quotationOpen(text, i));
  if (closesQuote) return false;
  return isLatinLetter(text.charCodeAt(i + 3)) || isLatinLetter(text.charCodeAt(i - 1));
}

/** A letter of the Latin alphabets up to Latin Extended-B ("Đá»™": Độ, Đ already read back). */
export function isLatinLetter(c: number): boolean {
  return isAsciiLetter(c) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7);
}

export function isAsciiLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}
