/**
 * Latin letters whose second byte a program dropped, in a line repaired
 * through windows-1252. A browser keeps windows-1252's undefined bytes (81
 * 8D 8F 90 9D) as C1 controls and sanitisers strip them, so Czech "začne"
 * (č is C4 8D) comes out "zaÄne": the lead's image alone, before an ASCII
 * letter. utf8-lenient.ts reads such cuts only in non-Latin text, where a
 * lead before an ASCII letter is never a word; in Latin text "Ä" before a
 * letter is how German is written, so the image alone proves nothing.
 *
 * What does: the line's other letters. After the line's repair, when one
 * alphabet (Unicode CLDR, shared/text/alphabets.ts) holds every other
 * non-ASCII letter of the line, and does not hold the image, but does hold
 * one of the letters the image's lead and a dropped byte spell, the image is
 * that lost letter: "Ä" in a Czech line is č or ď, not a German letter. It
 * becomes the one option the alphabet holds ("Äịa" in Vietnamese is Địa:
 * ā č ď ĝ are not Vietnamese), or U+FFFD when several fit (Czech holds č
 * and ď) — letters are not guessed (lost-chars.ts). An image the alphabet
 * does hold is still a cut when it is a capital after a small letter
 * (Slovak writes ä, not "presvedÄenia"). The same goes for a three-byte
 * letter that lost its last byte before a letter ("Ijá»ba": of ề ọ ỏ Ố ờ,
 * Yoruba writes ọ).
 */
import { alphabetCoverage } from "../../../shared/text/alphabets.ts";
import { isContinuationImage, wildcardByte, windows1252 } from "./code-pages.ts";
import { lostOptions } from "./utf8-lenient.ts";

/** The letters a damaged sequence spells with each byte windows-1252 leaves undefined in place of the last. */
function optionsOf(seq: readonly number[]): string[] {
  return lostOptions([...seq, wildcardByte], windows1252.undefinedContinuations).filter((ch) =>
    /\p{L}/u.test(ch),
  );
}

/** A combining mark (U+0300–U+036F) after a letter: the line writes its accents decomposed. */
const combiningMark = /\p{L}[\u0300-\u036F]/u;

/**
 * Decomposed text (NFD, as macOS writes it) spells "ó" as "o" and U+0301
 * (CC 81), whose dropped 81 leaves "oÌ". In a line whose repair decoded
 * other combining marks after letters, "Ì" after a letter and before no
 * continuation byte is a mark that lost its second byte (acute U+0301, or
 * U+030D, U+030F, U+0310, U+031D): marked U+FFFD, the letter kept.
 */
function markLostCombiningMarks(
  line: string,
  at: readonly number[],
): { text: string; readBack: number; marked: number } {
  let text = line;
  for (const i of at) text = text.slice(0, i) + "\uFFFD" + text.slice(i + 1);
  return { text, readBack: 0, marked: at.length };
}

/**
 * The distinct non-ASCII letters of a text, but for the characters at `skip`
 * and for mojibake left as found: a lead image before a continuation image
 * ("Å¡" beside a cut "Ä" in Latvian "nicinÄÅ¡ana", which the line's repair
 * could not decode across the lost byte) is no letter the writer wrote.
 */
function lettersBut(text: string, skip: ReadonlySet<number>): string {
  const seen = new Set<string>();
  for (let i = 0; i < text.length; i++) {
    if (skip.has(i)) continue;
    const lead = windows1252.byteOf.get(text.charAt(i));
    if (
      lead !== undefined &&
      lead >= 0xc2 &&
      lead <= 0xf4 &&
      isContinuationImage(text.charAt(i + 1))
    ) {
      while (isContinuationImage(text.charAt(i + 1))) i++;
      continue;
    }
    const ch = text.charAt(i);
    if (ch.charCodeAt(0) >= 0x80 && /\p{L}/u.test(ch)) seen.add(ch);
  }
  return [...seen].join("");
}

/** Whether `letters` holds a letter of the same 256 code points as `ch` (U+1E00–U+1EFF for ờ). */
function sameBlockIn(letters: string, ch: string): boolean {
  const block = (ch.codePointAt(0) ?? 0) >> 8;
  for (const l of letters) if ((l.codePointAt(0) ?? 0) >> 8 === block) return true;
  return false;
}

/**
 * `line` (already repaired through windows-1252) with the images of leads
 * that lost their second byte read as their letter or marked U+FFFD; and
 * how many were read back and how many marked.
 */
export function markDroppedLatinLetters(line: string): {
  text: string;
  readBack: number;
  marked: number;
} {
  const cuts: { at: number; length: number; options: string[]; beforeSpace: boolean }[] = [];
  const marks: number[] = [];
  const decomposed = combiningMark.test(line);
  for (let i = 0; i < line.length; i++) {
    const b = windows1252.byteOf.get(line.charAt(i));
    if (b === undefined || b < 0xc2 || b > 0xef) continue;
    const next = line.charAt(i + 1);
    if (b >= 0xe0) {
      // A three-byte letter that lost its last byte, before a letter or a space: "Ijá»ba"
      // is Yoruba ọ (E1 BB 8D) with 8D stripped, "chá» " Vietnamese chờ (9D).
      const third = line.charAt(i + 2);
      if (!isContinuationImage(next) || isContinuationImage(third)) continue;
      if (third !== " " && !/\p{L}/u.test(third)) continue;
      const options = optionsOf([b, windows1252.byteOf.get(next) ?? 0]);
      if (options.length > 0) cuts.push({ at: i, length: 2, options, beforeSpace: third === " " });
      continue;
    }
    if (next !== "" && isContinuationImage(next)) continue;
    if (b === 0xcc && decomposed && /\p{L}/u.test(line.charAt(i - 1))) marks.push(i);
    const options = optionsOf([b]);
    if (options.length > 0) cuts.push({ at: i, length: 1, options, beforeSpace: false });
  }
  const lostMarks = markLostCombiningMarks(line, marks);
  if (cuts.length === 0) return lostMarks;
  const others = lettersBut(line, new Set([...cuts.map((c) => c.at), ...marks]));
  // One language must have written the rest of the line, or there is nothing to go by.
  if (others === "" || alphabetCoverage(others) < 1) return lostMarks;
  let text = lostMarks.text;
  let readBack = 0;
  let marked = lostMarks.marked;
  // From the end: a three-byte cut's two images become one character.
  for (const { at, length, options, beforeSpace } of cuts.reverse()) {
    // Before a space, "á»" may be real ("está» dijo"): only a line that writes other
    // letters of the same three-byte block (Vietnamese ạ ấ ợ…) says it is cut.
    if (beforeSpace && !options.some((o) => sameBlockIn(others, o))) continue;
    // A lone image may be a letter of the line's language ("Ä" in Slovak), but not
    // a capital glued after a small letter ("presvedÄenia" is presvedčenia).
    const insideLowerWord = /\p{Lu}/u.test(line.charAt(at)) && /\p{Ll}/u.test(line.charAt(at - 1));
    if (length === 1 && !insideLowerWord && alphabetCoverage(others + line.charAt(at)) === 1)
      continue;
    const fitting = options.filter((o) => alphabetCoverage(others + o) === 1);
    if (fitting.length === 0) continue;
    const chosen = fitting.length === 1 ? (fitting[0] ?? "\uFFFD") : "\uFFFD";
    text = text.slice(0, at) + chosen + text.slice(at + length);
    if (chosen === "\uFFFD") marked++;
    else readBack++;
  }
  return { text, readBack, marked };
}
