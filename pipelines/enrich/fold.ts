/**
 * Width, script and case folding that never changes the length of the text,
 * so an offset found in the folded text is the same offset in the original
 * body. Matching runs on folded text; mentions are always sliced from the
 * original.
 */
// Only the Traditional → Simplified tables: the full package loads both directions.
import * as OpenCC from "opencc-js/t2cn";
import { hasHan } from "../../shared/text/han.ts";

/** Full-width ASCII (U+FF01–U+FF5E) is the half-width form plus this offset. */
const FULL_WIDTH_OFFSET = 0xfee0;

const SINGLE_UNIT_REPLACEMENTS: Record<string, string> = {
  "\u3000": " ", // ideographic space
  "\u00a0": " ",
  "\u2018": "'",
  "\u2019": "'",
  "\u201c": '"',
  "\u201d": '"',
  "\u2010": "-",
  "\u2011": "-",
  "\u2012": "-",
  "\u2013": "-",
  "\u2014": "-",
  "\u3001": ",", // ideographic comma, so that "、" separates like ","
  "\t": " ",
  "\n": " ",
  "\r": " ",
};

const traditionalToSimplified = OpenCC.Converter({ from: "hk", to: "cn" });
const simplifiedChar = new Map<string, string>();

/**
 * Traditional characters to Simplified ones (包頭 → 包头, 釹鐵硼 → 钕铁硼), so that
 * one knowledge base serves both scripts. OpenCC converts phrases; should a
 * phrase change the length, fall back to converting character by character.
 */
function toSimplified(text: string): string {
  if (!hasHan(text)) return text;
  const whole = traditionalToSimplified(text);
  if (whole.length === text.length) return whole;
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? "";
    out += simplifiedChar.get(ch) ?? convertChar(ch);
  }
  return out;
}

function convertChar(ch: string): string {
  const converted = traditionalToSimplified(ch);
  const simple = converted.length === 1 ? converted : ch;
  simplifiedChar.set(ch, simple);
  return simple;
}

let lastInput: string | null = null;
let lastOutput = "";

/** Folds width, punctuation and Traditional characters, keeping case. Output length equals input length. */
export function foldWidth(text: string): string {
  // Every recogniser folds the same body; remember the last one.
  if (text === lastInput) return lastOutput;
  lastOutput = foldWidthUncached(toSimplified(text));
  lastInput = text;
  return lastOutput;
}

/** Every code unit foldWidth changes: full-width ASCII and the single-unit replacements. */
const WIDTH_FOLDED = new RegExp(
  `[\\uff01-\\uff5e${Object.keys(SINGLE_UNIT_REPLACEMENTS)
    .map((ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`)
    .join("")}]`,
  "g",
);

function foldedUnit(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - FULL_WIDTH_OFFSET);
  return SINGLE_UNIT_REPLACEMENTS[ch] ?? ch;
}

// Only the code units that change are visited: a body is mostly characters that stay.
function foldWidthUncached(text: string): string {
  return text.replace(WIDTH_FOLDED, foldedUnit);
}

let lastCaseInput: string | null = null;
let lastCaseOutput = "";

/** foldWidth plus lower case, where lower-casing keeps a character one code unit long. */
export function foldCase(text: string): string {
  if (text === lastCaseInput) return lastCaseOutput;
  lastCaseOutput = foldCaseUncached(foldWidth(text));
  lastCaseInput = text;
  return lastCaseOutput;
}

function foldCaseUncached(width: string): string {
  // Whole-string lower-casing equals this per-code-unit loop except for Greek final sigma
  // and letters beyond the BMP (a surrogate alone has no case); a character whose lower
  // case is longer shows in the length. Otherwise go code unit by code unit.
  const lower = width.toLowerCase();
  if (lower.length === width.length && !/[\u03a3\ud800-\udfff]/.test(width)) return lower;
  let out = "";
  for (let i = 0; i < width.length; i++) {
    const ch = width[i] ?? "";
    const lower = ch.toLowerCase();
    out += lower.length === 1 ? lower : ch;
  }
  return out;
}
