/**
 * Language of one segment (a paragraph, a title line). The script decides
 * whatever it can decide alone — Han is Chinese, Han with Kana Japanese,
 * Hangul Korean, Thai Thai — and franc's trigram model is asked only about
 * scripts shared by many languages, restricted to a candidate set, and only
 * when there is enough text for trigrams to mean something. Below that the
 * answer is an honest "und".
 */
import { functionWords, isFunctionWord } from "./function-words.ts";
import { hanVariant, hanVariantEvidence } from "./han-variant.ts";
import { toBcp47 } from "./iso639.ts";
import { profileScripts, type ScriptCode, type ScriptProfile, scriptOf } from "./script-profile.ts";
import { rankLanguages } from "./trigram-ranker.ts";

export interface LanguageGuess {
  /** BCP-47 primary subtag, "und" when unsure. */
  lang: string;
  /** 0..1. */
  confidence: number;
  /** ISO 15924 of the dominant script, when the text has letters. */
  script?: string;
}

/** Scripts that name one language on their own (ISO 639-3). */
const SINGLE_LANGUAGE_SCRIPTS: Partial<Record<ScriptCode, string>> = {
  Hang: "kor",
  Thai: "tha",
  Grek: "ell",
  Hebr: "heb",
  Geor: "kat",
  Armn: "hye",
  Laoo: "lao",
  Khmr: "khm",
  Mymr: "mya",
  Tibt: "bod",
  Ethi: "amh",
};

/**
 * franc's candidates per shared script. The corpus is rare-earth trade news:
 * the languages that publish it, not all 400 franc knows (which is how
 * English headlines turn into Scots and mojibake into Sardinian).
 */
const FRANC_CANDIDATES: Partial<Record<ScriptCode, { franc: string; only: string[] }>> = {
  Latn: {
    franc: "Latin",
    only: [
      "eng",
      "fra",
      "deu",
      "spa",
      "por",
      "ita",
      "nld",
      "swe",
      "pol",
      "ces",
      "tur",
      "vie",
      "ind",
    ],
  },
  // Bulgarian and Serbian out: on short Russian news franc prefers them.
  Cyrl: { franc: "Cyrillic", only: ["rus", "ukr"] },
  Arab: { franc: "Arabic", only: ["arb", "pes", "urd"] },
  Deva: { franc: "Devanagari", only: ["hin", "mar", "npi"] },
};

/** Fewer letters of a one-language script than this say nothing. */
const MIN_SCRIPT_LETTERS = 3;
/** Fewer letters than this and trigram statistics are noise. */
const MIN_FRANC_LETTERS = 15;
/** Below this (margin over the runner-up × letters) franc's pick is a coin toss. */
const MIN_FRANC_EVIDENCE = 3;
/** Below this many letters a Latin guess needs function-word support. */
const SHORT_LATIN_LETTERS = 80;
/** Evidence at which confidence reaches 1 − 1/e. */
const EVIDENCE_SCALE = 8;
/** A segment whose main script weighs less than this share is mixed: "und". */
const MIN_DOMINANT_SHARE = 0.6;
/** Kana share of the Han+Kana letters above which Han text is Japanese. */
const MIN_KANA_SHARE = 0.08;

const UND: LanguageGuess = { lang: "und", confidence: 0 };

/** The language of a text with a confidence; "und" when the evidence is too thin. */
export function detectLanguage(raw: string): LanguageGuess {
  const text = raw.normalize("NFC");
  return detectWithProfile(text, profileScripts(text));
}

/** detectLanguage for a text already in NFC whose script profile is at hand. */
export function detectWithProfile(text: string, profile: ScriptProfile): LanguageGuess {
  if (profile.weight === 0) return UND;
  const han = profile.counts.get("Hani") ?? 0;
  const kana = profile.counts.get("Kana") ?? 0;
  const hangul = profile.counts.get("Hang") ?? 0;

  // Han, Kana and Hangul mix inside one language, so they are judged as a group.
  const dominance = (script: ScriptCode): number => profile.dominance.get(script) ?? 0;
  const cjkWeight = dominance("Hani") + dominance("Kana") + dominance("Hang");
  let best: { script: ScriptCode | "CJK"; weight: number } = { script: "CJK", weight: cjkWeight };
  let total = cjkWeight;
  for (const script of profile.counts.keys()) {
    if (script === "Hani" || script === "Kana" || script === "Hang") continue;
    total += dominance(script);
    if (dominance(script) > best.weight) best = { script, weight: dominance(script) };
  }
  const share = best.weight / total;

  if (best.script === "CJK") {
    const guess = cjkGuess(text, han, kana, hangul);
    return share < MIN_DOMINANT_SHARE ? undWithScript(guess.script) : scaled(guess, share);
  }
  if (share < MIN_DOMINANT_SHARE) return undWithScript(best.script);

  const single = SINGLE_LANGUAGE_SCRIPTS[best.script];
  if (single !== undefined) {
    const letters = profile.counts.get(best.script) ?? 0;
    // Two stray letters are more often mojibake (`ยฉ` was `©`) than a word.
    if (letters < MIN_SCRIPT_LETTERS) return undWithScript(best.script);
    return {
      lang: toBcp47(single),
      confidence: round(share * lengthFactor(letters, 6)),
      script: best.script,
    };
  }
  const candidates = FRANC_CANDIDATES[best.script];
  if (candidates === undefined) return undWithScript(best.script);
  return scaled(francGuess(text, best.script, candidates), share);
}

function cjkGuess(text: string, han: number, kana: number, hangul: number): LanguageGuess {
  const letters = han + kana + hangul;
  if (hangul >= han + kana) {
    return { lang: "ko", confidence: lengthFactor(letters, 4), script: han > 0 ? "Kore" : "Hang" };
  }
  if (kana >= 2 && kana / (han + kana) >= MIN_KANA_SHARE) {
    return { lang: "ja", confidence: lengthFactor(letters, 4), script: "Jpan" };
  }
  const evidence = hanVariantEvidence(text);
  // A Kana or two inside Chinese (a brand name) lowers confidence, it does not flip the language.
  const kanaPenalty = kana > 0 ? 0.8 : 1;
  return {
    lang: "zh",
    confidence: lengthFactor(letters, 3) * kanaPenalty,
    script: hanVariant(evidence),
  };
}

/**
 * The text with letters of other scripts blanked — inline names in another
 * script ("Baotou (包头)") must not feed the trigram model — and how many
 * letters of `script` it holds.
 */
function onlyScript(text: string, script: ScriptCode): { kept: string; letters: number } {
  const parts: string[] = [];
  let letters = 0;
  let from = 0;
  let index = 0;
  for (const char of text) {
    const own = scriptOf(char);
    if (own === script) letters++;
    else if (own !== undefined) {
      parts.push(text.slice(from, index), " ");
      from = index + char.length;
    }
    index += char.length;
  }
  parts.push(text.slice(from));
  return { kept: parts.join(""), letters };
}

function francGuess(
  raw: string,
  script: ScriptCode,
  candidates: { franc: string; only: string[] },
): LanguageGuess {
  const { kept: text, letters } = onlyScript(raw, script);
  if (letters < MIN_FRANC_LETTERS) return { lang: "und", confidence: 0, script };
  const ranked = rankLanguages(text, candidates.franc, candidates.only);
  const [first, second] = ranked;
  if (first === undefined || first[0] === "und") return { lang: "und", confidence: 0, script };
  if (script === "Latn" && letters < SHORT_LATIN_LETTERS)
    return shortLatinGuess(text, ranked.slice(0, 3), letters);
  // franc's scores are normalised by text length, so the raw margin shrinks
  // as text grows; margin × letters is the evidence that does not.
  const evidence = (1 - (second?.[1] ?? 0)) * letters;
  if (evidence < MIN_FRANC_EVIDENCE) return { lang: "und", confidence: 0, script };
  const confidence = 1 - Math.exp(-evidence / EVIDENCE_SCALE);
  return { lang: toBcp47(first[0]), confidence, script };
}

/**
 * On a short Latin line names outweigh grammar, so franc's leaders must show
 * function words of their own — ones the other leaders do not share (`de` is
 * French, Spanish and Portuguese alike). The leader with most wins; none
 * means "und".
 */
function shortLatinGuess(
  text: string,
  leaders: ReadonlyArray<readonly [string, number]>,
  letters: number,
): LanguageGuess {
  const codes = leaders.map(([code]) => code);
  let chosen: { code: string; hits: number; rank: number } | null = null;
  for (const [rank, code] of codes.entries()) {
    const found = functionWords(text, code);
    const hits = found.filter((word) =>
      codes.every((other) => other === code || !isFunctionWord(word, other)),
    ).length;
    if (hits > 0 && (chosen === null || hits > chosen.hits)) chosen = { code, hits, rank };
  }
  // Overruling franc takes more than one word: "Deutschland will" is not English.
  if (chosen === null || (chosen.rank > 0 && chosen.hits < 2)) {
    return { lang: "und", confidence: 0, script: "Latn" };
  }
  const base = chosen.rank === 0 ? 0.8 : 0.5;
  const confidence =
    base * Math.min(1, 0.4 + 0.2 * chosen.hits) * lengthFactor(letters, SHORT_LATIN_LETTERS);
  return { lang: toBcp47(chosen.code), confidence, script: "Latn" };
}

/** Confidence grows with length and saturates at `full` letters. */
function lengthFactor(letters: number, full: number): number {
  return Math.min(1, 0.5 + (0.5 * letters) / full);
}

function scaled(guess: LanguageGuess, share: number): LanguageGuess {
  return { ...guess, confidence: round(guess.confidence * share) };
}

function undWithScript(script: string | undefined): LanguageGuess {
  return script === undefined ? UND : { lang: "und", confidence: 0, script };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
