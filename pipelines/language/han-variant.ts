/**
 * Simplified or Traditional? OpenCC's conversion tables say which characters
 * exist only in one orthography: a character that the Traditional→Simplified
 * table changes is Traditional evidence, one that only the reverse table
 * changes is Simplified evidence. Most characters (稀, 土, 磁) are shared and
 * say nothing.
 *
 * Only single characters are asked, so only OpenCC's character tables are
 * loaded, in the order of its cn→tw and tw→cn chains (compatibility
 * ideographs normalised first). Its phrase tables, which cannot match one
 * character, took 40 MB of heap in every thread running this stage; the
 * unit test checks that every Han character gets the full converters'
 * answer.
 */
import { ConverterFactory } from "opencc-js/core";
import compatibility from "opencc-js/dict/CJK_Compatibility_Ideographs";
import simplifiedToTraditional from "opencc-js/dict/STCharacters";
import traditionalToSimplified from "opencc-js/dict/TSCharacters";
import taiwanVariants from "opencc-js/dict/TWVariants";
import taiwanVariantsReversed from "opencc-js/dict/TWVariantsRev";

export type HanScript = "Hans" | "Hant" | "Hani";

/** One character as OpenCC's cn→tw converter writes it. */
export const toTraditional = ConverterFactory(
  [compatibility],
  [simplifiedToTraditional],
  [taiwanVariants],
);
/** One character as OpenCC's tw→cn converter writes it. */
export const toSimplified = ConverterFactory(
  [compatibility],
  [taiwanVariantsReversed],
  [traditionalToSimplified],
);

const HAN = /\p{Script=Han}/u;
const verdicts = new Map<string, -1 | 0 | 1>();

/** -1 Simplified-only, 1 Traditional-only, 0 shared or unknown. */
function verdictOf(char: string): -1 | 0 | 1 {
  const cached = verdicts.get(char);
  if (cached !== undefined) return cached;
  let verdict: -1 | 0 | 1 = 0;
  if (toSimplified(char) !== char) verdict = 1;
  else if (toTraditional(char) !== char) verdict = -1;
  verdicts.set(char, verdict);
  return verdict;
}

export interface HanVariantEvidence {
  simplified: number;
  traditional: number;
}

/** Counts of characters only simplified or only traditional Chinese uses, for telling Hans from Hant. */
export function hanVariantEvidence(text: string): HanVariantEvidence {
  let simplified = 0;
  let traditional = 0;
  for (const char of text) {
    if (!HAN.test(char)) continue;
    const verdict = verdictOf(char);
    if (verdict < 0) simplified += 1;
    else if (verdict > 0) traditional += 1;
  }
  return { simplified, traditional };
}

/**
 * "Hani" (Han, variant unknown) when no character takes a side: a short line
 * of shared characters is honestly both.
 */
export function hanVariant(evidence: HanVariantEvidence): HanScript {
  const { simplified, traditional } = evidence;
  if (simplified === 0 && traditional === 0) return "Hani";
  return traditional > simplified ? "Hant" : "Hans";
}
