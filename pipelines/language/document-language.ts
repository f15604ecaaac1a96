/**
 * The language of a whole document from the languages of its paragraphs:
 * the one that dominates by (script-weighted) character count, with a
 * confidence that reflects both how sure each paragraph was and how much of
 * the text the winner holds.
 */
import { detectWithProfile, type LanguageGuess } from "./detect-language.ts";
import { hanVariant, hanVariantEvidence } from "./han-variant.ts";
import { profileScripts } from "./script-profile.ts";

export interface LabelledParagraph {
  text: string;
  guess: LanguageGuess;
  /** Script-weighted letter count (see script-profile.ts). */
  weight: number;
}

/** A paragraph with its detected language. */
export function labelParagraph(text: string): LabelledParagraph {
  const profile = profileScripts(text);
  const nfc = text.normalize("NFC");
  // Most text is already NFC: one profile serves both the guess and the weight.
  const guess = detectWithProfile(nfc, nfc === text ? profile : profileScripts(nfc));
  return { text, guess, weight: profile.weight };
}

/** Weight per language over the paragraphs that have one ("und" excluded), largest first. */
export function languageWeights(paragraphs: readonly LabelledParagraph[]): Array<[string, number]> {
  const weights = new Map<string, number>();
  for (const { guess, weight } of paragraphs) {
    if (guess.lang === "und") continue;
    weights.set(guess.lang, (weights.get(guess.lang) ?? 0) + weight);
  }
  return [...weights.entries()].sort((a, b) => b[1] - a[1]);
}

/** The language of a whole document from its labelled paragraphs, weighted by length. */
export function documentLanguage(paragraphs: readonly LabelledParagraph[]): LanguageGuess {
  const total = paragraphs.reduce((sum, p) => sum + p.weight, 0);
  const [top] = languageWeights(paragraphs);
  if (top === undefined || total === 0) return { lang: "und", confidence: 0 };
  const [lang, weight] = top;
  let sureness = 0;
  for (const p of paragraphs) if (p.guess.lang === lang) sureness += p.guess.confidence * p.weight;
  // Paragraph confidences already include their own length penalty; a long
  // document of consistent paragraphs deserves more than their mean.
  const meanConfidence = sureness / weight;
  const boosted = Math.min(1, meanConfidence + (1 - meanConfidence) * Math.min(1, weight / 1500));
  const confidence = Math.round(boosted * (weight / total) * 1000) / 1000;
  return { lang, confidence, ...documentScript(lang, paragraphs) };
}

function documentScript(
  lang: string,
  paragraphs: readonly LabelledParagraph[],
): { script?: string } {
  const own = paragraphs.filter((p) => p.guess.lang === lang);
  if (lang === "zh") {
    // Judged on all the Chinese text at once: single paragraphs may have no telling character.
    return { script: hanVariant(hanVariantEvidence(own.map((p) => p.text).join(""))) };
  }
  const scripts = new Map<string, number>();
  for (const p of own) {
    if (p.guess.script !== undefined)
      scripts.set(p.guess.script, (scripts.get(p.guess.script) ?? 0) + p.weight);
  }
  const [best] = [...scripts.entries()].sort((a, b) => b[1] - a[1]);
  return best === undefined ? {} : { script: best[0] };
}
