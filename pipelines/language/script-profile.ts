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

/** The scripts by index, in SCRIPT_PATTERNS' order. */
const SCRIPT_CODES: readonly ScriptCode[] = SCRIPT_PATTERNS.map(([code]) => code);

/**
 * Per character: its script (and that script's index and group), and
 * whether it is a letter or mark. Seventeen Unicode-property tests per
 * character were a fifth of the language stage; ASCII is answered by its
 * code and anything else is tested once and remembered by code point (news
 * uses a few thousand distinct characters).
 */
interface CharClass {
  script: ScriptCode | undefined;
  /** Index in SCRIPT_CODES; -1 for no script. */
  index: number;
  /** The script's group (scriptGroup) as a number: CJK scripts share one. */
  group: number;
  letter: boolean;
}

/** Han, Kana and Hangul mix inside one language; they embed in each other without being "inline names". */
function scriptGroup(script: ScriptCode): string {
  return script === "Hani" || script === "Kana" || script === "Hang" ? "CJK" : script;
}

const CJK_GROUP = SCRIPT_CODES.length;

function classFor(script: ScriptCode | undefined, letter: boolean): CharClass {
  const index = script === undefined ? -1 : SCRIPT_CODES.indexOf(script);
  const group = script !== undefined && scriptGroup(script) === "CJK" ? CJK_GROUP : index;
  return { script, index, group, letter };
}

const NOT_A_LETTER = classFor(undefined, false);
const ASCII_LETTER = classFor("Latn", true);
const seen = new Map<number, CharClass>();
/** Bounds what garbage input (every code point once) can make the cache hold. */
const MAX_REMEMBERED = 20_000;

function classOfCode(code: number): CharClass {
  if (code < 0x80) {
    return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)
      ? ASCII_LETTER
      : NOT_A_LETTER;
  }
  let known = seen.get(code);
  if (known === undefined) {
    const char = String.fromCodePoint(code);
    known = classFor(scriptByPattern(char), LETTER.test(char));
    if (seen.size < MAX_REMEMBERED) seen.set(code, known);
  }
  return known;
}

function classOf(char: string): CharClass {
  return classOfCode(char.codePointAt(0) ?? 0);
}

/** The ISO 15924 script of one character, or undefined for punctuation, digits and spaces. */
export function scriptOf(char: string): ScriptCode | undefined {
  return classOf(char).script;
}

/** A run of letters of one script group: its letters per script, in order of first appearance. */
interface Run {
  group: number;
  scripts: number[];
  letters: number[];
}

/** The share of each script among a text's letters. */
export function profileScripts(text: string): ScriptProfile {
  // Letters per script index, and the scripts in order of first appearance (the Maps' order).
  const total = new Array<number>(SCRIPT_CODES.length).fill(0);
  const order: number[] = [];
  // Runs of letters of one script group; spaces, digits and punctuation do not break a run.
  const runs: Run[] = [];
  let run: Run | undefined;
  let weight = 0;
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    // A surrogate pair is one character.
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        code = (code - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
        i++;
      }
    }
    // Combining marks belong to the script of their base, and Thai vowels are marks.
    const { script, index, group, letter } = classOfCode(code);
    if (!letter || script === undefined) continue;
    if ((total[index] ?? 0) === 0) order.push(index);
    total[index] = (total[index] ?? 0) + 1;
    weight += scriptWeight(script, 1);
    if (run === undefined || run.group !== group) {
      run = { group, scripts: [], letters: [] };
      runs.push(run);
    }
    const at = run.scripts.indexOf(index);
    if (at < 0) {
      run.scripts.push(index);
      run.letters.push(1);
    } else run.letters[at] = (run.letters[at] ?? 0) + 1;
  }
  const counts = new Map<ScriptCode, number>();
  for (const index of order) counts.set(SCRIPT_CODES[index] as ScriptCode, total[index] ?? 0);
  const dominance = new Map<ScriptCode, number>();
  runs.forEach((current, k) => {
    const before = runs[k - 1]?.group;
    const embedded = before !== undefined && before === runs[k + 1]?.group;
    current.scripts.forEach((index, j) => {
      const script = SCRIPT_CODES[index] as ScriptCode;
      const share =
        scriptWeight(script, current.letters[j] ?? 0) * (embedded ? EMBEDDED_DISCOUNT : 1);
      dominance.set(script, (dominance.get(script) ?? 0) + share);
    });
  });
  return { counts, weight, dominance };
}
