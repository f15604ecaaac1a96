/**
 * A Latin-1 letter whose second byte was lost (C3 80–9F: À…Þ, ß, and ×)
 * leaves 32 candidates that the character model cannot tell apart: its
 * training text is English and Chinese, where it met Æ once and the others
 * never, so Æ led by 18 nats everywhere ("schlieÆen", "Æconomie"). The
 * damaged document itself still says two things, since its lowercase
 * accented letters (C3 A0–BF: à…ÿ) come through intact:
 * - case: after a lowercase letter only a lowercase letter continues the
 *   word (ß is the one in the range); between two capitals, a capital;
 * - which letters its language uses: a French text shows é and à in its
 *   lowercase words, a German one ä, ö and ü. A capital whose lowercase
 *   letter the document uses most is the likeliest.
 * The candidates are narrowed to the best by those two; only a tie (a
 * document that shows none of them) is left to the character model.
 */
import type { ThaiToken } from "./thai-scan.ts";

const lowercase = /\p{Ll}/u;
const uppercase = /\p{Lu}/u;

/** The second byte lost: C3 80–9F, the capitals of Latin-1, ß and ×. */
function isLostSecondByte(candidates: readonly string[]): boolean {
  return (
    candidates.length > 1 &&
    candidates.every((c) => c.length === 1 && c >= "\u00c0" && c <= "\u00df")
  );
}

/**
 * The characters beside a token as far as they are certain: the text's own
 * where it is intact, a neighbouring token's where it has one candidate
 * ("Grö" + "?e": the ö is itself a token of two Thai characters).
 */
function certainNeighbours(text: string, tokens: readonly ThaiToken[]) {
  const byStart = new Map(tokens.map((tok) => [tok.start, tok]));
  const byEnd = new Map(tokens.map((tok) => [tok.end, tok]));
  const charOf = (tok: ThaiToken | undefined, at: number): string => {
    if (!tok) return text.charAt(at);
    return tok.candidates.length === 1 ? (tok.candidates[0] ?? "") : "";
  };
  return {
    before: (tok: ThaiToken) => charOf(byEnd.get(tok.start), tok.start - 1),
    after: (tok: ThaiToken) => charOf(byStart.get(tok.end), tok.end),
  };
}

/** A token's candidates, narrowed where its second byte was lost (else as they are). */
export type LetterNarrowing = (tok: ThaiToken) => string[];

export function narrowLatinLetters(text: string, tokens: readonly ThaiToken[]): LetterNarrowing {
  const neighbours = certainNeighbours(text, tokens);
  // The document's lowercase accented letters: its tokens with one candidate.
  const counts = new Map<string, number>();
  for (const tok of tokens) {
    const c = tok.candidates[0] ?? "";
    if (tok.candidates.length === 1 && c >= "\u00e0" && c <= "\u00fe")
      counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  const usage = (letter: string): number => counts.get(letter.toLowerCase()) ?? 0;
  return (tok) => {
    const { candidates } = tok;
    if (!isLostSecondByte(candidates)) return candidates;
    const before = neighbours.before(tok);
    const after = neighbours.after(tok);
    const fits = (c: string): boolean => {
      if (lowercase.test(before)) return lowercase.test(c);
      if (uppercase.test(before) && uppercase.test(after)) return uppercase.test(c);
      return true;
    };
    const cased = candidates.filter(fits);
    if (cased.length === 0) return candidates;
    const best = Math.max(...cased.map(usage));
    return cased.filter((c) => usage(c) === best);
  };
}
