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

const bigrams = new Set<string>();
const trigrams = new Set<string>();
for (const models of Object.values(data))
  for (const model of Object.values(models))
    for (const trigram of model.split("|")) {
      if (trigram.length !== 3) continue;
      trigrams.add(trigram);
      bigrams.add(trigram.slice(0, 2));
      bigrams.add(trigram.slice(1));
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
  const s = cleaned(text);
  let score = 0;
  for (let i = 1; i < s.length - 1; i++) {
    if (s.charCodeAt(i) < 0x80) continue;
    for (const bigram of [s.slice(i - 1, i + 1), s.slice(i, i + 2)])
      score += bigrams.has(bigram) ? 1 : -1;
    for (let from = Math.max(0, i - 2); from <= i && from + 3 <= s.length; from++)
      if (trigrams.has(s.slice(from, from + 3))) score++;
  }
  return score;
}
