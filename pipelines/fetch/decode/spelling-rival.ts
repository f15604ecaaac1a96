/**
 * The spelling check of charset sniffing (sniff-charset.ts): a code page
 * whose decode spells far more familiar words than the detectors' pick.
 */
import { alphabetCoverage } from "../../../shared/text/alphabets.ts";
import { familiarity } from "../../../shared/text/letter-familiarity.ts";
import { charsetFamilies } from "./charset-families.ts";
import { anomalies, isCleanDecode } from "./decode-quality.ts";
import { decodeLegacy, type Sniffed } from "./legacy-decode.ts";

/** Bytes whose decodes spelling is judged on: enough for any headline, bounded time. */
const spellingWindow = 4096;
/** The lead a better-spelled decode needs: per non-ASCII character of the top's decode, and at least. */
const leadPerChar = 2;
const minLead = 20;

/**
 * The code page whose decode spells far more familiar letter sequences than
 * the top candidate's (shared/text/letter-familiarity.ts: franc's trigram
 * models, case folded), or null. The detectors' byte statistics see case:
 * an all-caps Russian headline in windows-1251 is lowercase letters in
 * KOI8-R, where they read "япнвмн: щйяонпр" (letters no language writes in
 * that order), while "срочно: экспорт" is Russian. The rivals are the
 * detectors' candidates and every code page of the families
 * (charset-families.ts): the detectors need not propose the right one.
 *
 * A decode's score moves by up to five per non-ASCII character; a rival
 * needs a lead of two per such character of the top's decode, and at least
 * twenty, so code pages that differ in a letter or two stay the detectors'
 * call. Nor may its decode have more misplaced capitals or symbols
 * (decode-quality.ts): franc has no Greek, Thai or Korean models, so a right
 * decode in those scripts spells nothing familiar, while their misreadings
 * in another script come out in mixed case ("еККэДА ЕНЕТэФЕИ"). Nor may one
 * alphabet hold less of its letters (shared/text/alphabets.ts): franc has
 * no Icelandic either, and "Sameinuðu Þjóðanna" must not become
 * "Sameinušo Žjóšanna", whose š, ž and ó no language writes together.
 */
export function betterSpelled(
  sample: Uint8Array,
  top: Sniffed,
  candidates: readonly Sniffed[],
): Sniffed | null {
  const window = sample.subarray(0, spellingWindow);
  const mine = decodeLegacy(window, top.charset);
  const nonAscii = mine.match(/[^\p{ASCII}]/gu)?.length ?? 0;
  if (nonAscii === 0) return null;
  // The top's own measures, read once and only if some rival spells better.
  let mineMeasures: { anomalies: number; coverage: number } | undefined;
  const measures = () => {
    mineMeasures ??= { anomalies: anomalies(mine), coverage: alphabetCoverage(mine) };
    return mineMeasures;
  };
  let best: Sniffed | null = null;
  let bestScore = familiarity(mine) + Math.max(minLead, leadPerChar * nonAscii);
  const rivals = new Set([...candidates.map((c) => c.charset), ...charsetFamilies.flat()]);
  rivals.delete(top.charset);
  for (const charset of rivals) {
    const text = decodeLegacy(window, charset);
    if (!isCleanDecode(text)) continue;
    const score = familiarity(text);
    if (
      score > bestScore &&
      anomalies(text) <= measures().anomalies &&
      alphabetCoverage(text) >= measures().coverage
    ) {
      best = { charset, confidence: top.confidence };
      bestScore = score;
    }
  }
  return best;
}
