/**
 * Which of two decodes that the gate finds equally plausible spells real
 * words. Sibling code pages put the same letter on different bytes:
 * "Ăą" is "ñ" through ISO-8859-2 and "ù" through windows-1250, "ÄÅŸ" is
 * "ěž" through ISO-8859-15 and "ěş" through windows-1252. Both decodes are
 * clean UTF-8 with nothing weird in them, so the gate ties, and the tie used
 * to go to the earlier code page.
 *
 * franc's language models (the 300 commonest trigrams of each of its 163
 * languages, from the Universal Declaration of Human Rights) say which
 * letter sequences people write: "ña " is Spanish, "ões" Portuguese, " på"
 * Norwegian. Every bigram and trigram of those models is a known sequence;
 * a decode scores one for each known bigram or trigram around its non-ASCII
 * characters and loses one for each unknown bigram. Symbols and marks count
 * too, and are never known: a decode that turns "è" into a combining mark
 * ("Cr̬me") must not escape the letters' scrutiny. The models are the ones
 * the language stage already ships; nothing here is fitted to our own corpus.
 */
import { data } from "franc/data.js";

/** Two or three UTF-16 code units as one number: a lookup allocates no string. */
const pair = (a: number, b: number) => a * 0x10000 + b;
const triple = (a: number, b: number, c: number) => a * 0x100000000 + b * 0x10000 + c;

/** Every bigram and trigram of franc's models, built on first use (the charset sniffer and the repair need them; most documents reach neither). */
let known: { bigrams: Set<number>; trigrams: Set<number> } | null = null;
function sequences(): { bigrams: Set<number>; trigrams: Set<number> } {
  if (known) return known;
  const bigrams = new Set<number>();
  const trigrams = new Set<number>();
  for (const models of Object.values(data))
    for (const model of Object.values(models))
      for (const trigram of model.split("|")) {
        if (trigram.length !== 3) continue;
        const [a, b, c] = [0, 1, 2].map((k) => trigram.charCodeAt(k)) as [number, number, number];
        trigrams.add(triple(a, b, c));
        bigrams.add(pair(a, b));
        bigrams.add(pair(b, c));
      }
  known = { bigrams, trigrams };
  return known;
}

/** franc's cleaning: ASCII punctuation and digits are word breaks, case is folded. */
function cleaned(text: string): string {
  return ` ${text
    .replace(/[\u0021-\u0040]+/g, " ")
    .replace(/\s+/g, " ")
    .toLowerCase()} `;
}

/**
 * How familiar the letter sequences around a text's non-ASCII characters
 * are: known bigrams and trigrams count one each, unknown bigrams minus one.
 * Only differences between decodes of the same text mean anything.
 */
export function familiarity(text: string): number {
  const { bigrams, trigrams } = sequences();
  const s = cleaned(text);
  const n = s.length;
  let score = 0;
  for (let i = 1; i < n - 1; i++) {
    const here = s.charCodeAt(i);
    if (here < 0x80) continue;
    score += bigrams.has(pair(s.charCodeAt(i - 1), here)) ? 1 : -1;
    score += bigrams.has(pair(here, s.charCodeAt(i + 1))) ? 1 : -1;
    for (let from = Math.max(0, i - 2); from <= i && from + 3 <= n; from++)
      if (trigrams.has(triple(s.charCodeAt(from), s.charCodeAt(from + 1), s.charCodeAt(from + 2))))
        score++;
  }
  return score;
}
