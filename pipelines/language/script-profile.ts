/**
 * Counts the letters of a text by Unicode script, so that the detector can
 * decide what the script alone settles (Han, Kana, Hangul, Thai …) before any
 * n-gram model guesses.
 */

/** Scripts we tell apart; ISO 15924 codes. "Kana" stands for Hiragana and Katakana together. */
export type ScriptCode =
  | "Latn"
  | "Hani"
  | "Kana"
  | "Hang"
  | "Thai"
  | "Cyrl"
  | "Arab"
  | "Grek"
  | "Hebr"
  | "Deva"
  | "Geor"
  | "Armn"
  | "Laoo"
  | "Khmr"
  | "Mymr"
  | "Tibt"
  | "Ethi";

const SCRIPT_PATTERNS: ReadonlyArray<readonly [ScriptCode, RegExp]> = [
  ["Latn", /\p{Script=Latin}/u],
  ["Hani", /\p{Script=Han}/u],
  ["Kana", /[\p{Script=Hiragana}\p{Script=Katakana}]/u],
  ["Hang", /\p{Script=Hangul}/u],
  ["Thai", /\p{Script=Thai}/u],
  ["Cyrl", /\p{Script=Cyrillic}/u],
  ["Arab", /\p{Script=Arabic}/u],
  ["Grek", /\p{Script=Greek}/u],
  ["Hebr", /\p{Script=Hebrew}/u],
  ["Deva", /\p{Script=Devanagari}/u],
  ["Geor", /\p{Script=Georgian}/u],
  ["Armn", /\p{Script=Armenian}/u],
  ["Laoo", /\p{Script=Lao}/u],
  ["Khmr", /\p{Script=Khmer}/u],
  ["Mymr", /\p{Script=Myanmar}/u],
  ["Tibt", /\p{Script=Tibetan}/u],
  ["Ethi", /\p{Script=Ethiopic}/u],
];

/**
 * One Han character carries about as much text as three Latin letters (an
 * English translation of a Chinese article runs ~3× its character count), so
 * counts are weighted before scripts are compared. Hangul syllables and Kana
 * sit in between.
 */
const SCRIPT_WEIGHT: Partial<Record<ScriptCode, number>> = {
  Hani: 3,
  Kana: 1.5,
  Hang: 2,
};

export interface ScriptProfile {
  /** Letters per script (ASCII digits, punctuation and symbols are not counted). */
  counts: Map<ScriptCode, number>;
  /** Weighted letter total over all scripts. */
  weight: number;
  /**
   * Weighted letters per script, with runs embedded in another script's text
   * (`北方稀土（China Northern Rare Earth）与…`, `Baotou (包头) and …`) counted
   * at EMBEDDED_DISCOUNT: inline names do not make a sentence bilingual.
   */
  dominance: Map<ScriptCode, number>;
}

/** What an inline run of another script still counts for. */
const EMBEDDED_DISCOUNT = 0.25;

function scriptWeight(script: ScriptCode, count: number): number {
  return count * (SCRIPT_WEIGHT[script] ?? 1);
}

function scriptByPattern(char: string): ScriptCode | undefined {
  for (const [code, pattern] of SCRIPT_PATTERNS) {
    if (pattern.test(char)) return code;
  }
  return undefined;
}

const LETTER = /[\p{L}\p{M}]/u;

/**
 * Per character: its script, and whether it is a letter or mark. Seventeen
 * Unicode-property tests per character were a fifth of the language stage;
 * ASCII is answered by its code and anything else is tested once and
 * remembered (news uses a few thousand distinct characters).
 */
interface CharClass {
  script: ScriptCode | undefined;
  letter: boolean;
}
const NOT_A_LETTER: CharClass = { script: undefined, letter: false };
const ASCII_LETTER: CharClass = { script: "Latn", letter: true };
const seen = new Map<string, CharClass>();
/** Bounds what garbage input (every code point once) can make the cache hold. */
const MAX_REMEMBERED = 20_000;

function classOf(char: string): CharClass {
  const code = char.charCodeAt(0);
  if (code < 0x80) {
    return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)
      ? ASCII_LETTER
      : NOT_A_LETTER;
  }
  let known = seen.get(char);
  if (known === undefined) {
    known = { script: scriptByPattern(char), letter: LETTER.test(char) };
    if (seen.size < MAX_REMEMBERED) seen.set(char, known);
  }
  return known;
}

/** The ISO 15924 script of one character, or undefined for punctuation, digits and spaces. */
export function scriptOf(char: string): ScriptCode | undefined {
  return classOf(char).script;
}

/** Han, Kana and Hangul mix inside one language; they embed in each other without being "inline names". */
function scriptGroup(script: ScriptCode): string {
  return script === "Hani" || script === "Kana" || script === "Hang" ? "CJK" : script;
}

/** The share of each script among a text's letters. */
export function profileScripts(text: string): ScriptProfile {
  const counts = new Map<ScriptCode, number>();
  // Runs of letters of one script group; spaces, digits and punctuation do not break a run.
  const runs: Array<{ group: string; letters: Map<ScriptCode, number> }> = [];
  let weight = 0;
  for (const char of text) {
    // Combining marks belong to the script of their base, and Thai vowels are marks.
    const { script, letter } = classOf(char);
    if (!letter || script === undefined) continue;
    counts.set(script, (counts.get(script) ?? 0) + 1);
    weight += scriptWeight(script, 1);
    const group = scriptGroup(script);
    let run = runs.at(-1);
    if (run === undefined || run.group !== group) {
      run = { group, letters: new Map() };
      runs.push(run);
    }
    run.letters.set(script, (run.letters.get(script) ?? 0) + 1);
  }
  const dominance = new Map<ScriptCode, number>();
  runs.forEach((run, index) => {
    const before = runs[index - 1]?.group;
    const embedded = before !== undefined && before === runs[index + 1]?.group;
    for (const [script, count] of run.letters) {
      const share = scriptWeight(script, count) * (embedded ? EMBEDDED_DISCOUNT : 1);
      dominance.set(script, (dominance.get(script) ?? 0) + share);
    }
  });
  return { counts, weight, dominance };
}
