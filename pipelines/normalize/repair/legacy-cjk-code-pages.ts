/**
 * The East Asian code pages whose bytes read as Latin are repaired
 * (legacy-cjk.ts), each with what its decode must read as: a look at the
 * bytes first (which rows the lead bytes are on), then the decoded script
 * (east-asian-scripts.ts) or, for GBK, the character model.
 */
import iconv from "iconv-lite";
import { HAN_RANGES } from "../../../shared/text/han.ts";
import { type CharModel, meanLogProb } from "./char-model.ts";
import { foreignLetters, readsJapanese, readsKorean } from "./east-asian-scripts.ts";

/** What a code page's reading of a run is judged with. */
export interface Reading {
  decoded: string;
  bytes: Uint8Array;
  run: string;
  /** Two characters before the run, for the character model. */
  before: string;
  model: CharModel;
}

export interface EastAsianCodePage {
  name: string;
  /** A look at an anchor's bytes, before decoding them, that most runs of other text fail. */
  fits(bytes: Uint8Array): boolean;
  /** Whether a clean decode of an anchor (a long run) reads as real text of the code page's language. */
  reads(reading: Reading): boolean;
  /** The same for any run, once the document's anchors have shown the code page. */
  readsShort(reading: Reading): boolean;
  /** Share of a text's letters outside the code page's script (what --explain prints for all but GBK). */
  foreign(text: string): number;
}

// Han, CJK and full-width punctuation, and the general punctuation GBK and Big5 carry (“”—…·).
const hanLikeRe = new RegExp(
  `^[\\u0020-\\u007E\\u00B7\\u2010-\\u2027\\u2030-\\u203B\\u3000-\\u303F${HAN_RANGES}\\uFF00-\\uFFEF]+$`,
  "u",
);

/**
 * Whether every non-ASCII byte is in A1–FE, as in EUC-KR proper: iconv-lite's
 * "euc-kr" is Microsoft's cp949, whose extension puts 8,822 rare syllables
 * on lead bytes from 81 and trails from 41, where Shift_JIS puts its kana
 * ("ƒA" is ア, and a cp949 syllable).
 */
function eucKrProper(bytes: Uint8Array): boolean {
  for (const b of bytes) if (b >= 0x80 && b < 0xa1) return false;
  return true;
}

/** Nearly every character must be one the model has seen often enough to be common. */
function mostlyCommon(model: CharModel, text: string): boolean {
  let chars = 0;
  let common = 0;
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) continue;
    chars++;
    if (model.count(ch) >= 5) common++;
  }
  return chars > 0 && common >= 0.9 * chars;
}

/** Share of a double-byte run's pairs whose lead byte is in [lo, hi] (ASCII bytes stand alone). */
function leadShare(bytes: Uint8Array, lo: number, hi: number): number {
  let pairs = 0;
  let inRange = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] ?? 0;
    if (b < 0x81) continue;
    pairs++;
    if (b >= lo && b <= hi) inRange++;
    i++;
  }
  return pairs === 0 ? 0 : inRange / pairs;
}

const readsGbkShort = ({ decoded, model }: Reading) =>
  hanLikeRe.test(decoded) && mostlyCommon(model, decoded);

/** Han alone could be anything: an anchor must also be clearly more probable to the character model. */
const readsGbk = (reading: Reading) =>
  readsGbkShort(reading) &&
  meanLogProb(reading.model, reading.before, reading.decoded) >
    meanLogProb(reading.model, reading.before, reading.run);

/**
 * In the order an anchor is tried: the scripts that tell themselves apart
 * first, then GBK, then Big5, whose bytes GB2312's also are (GBK's reading,
 * when it holds, goes first).
 */
export const eastAsianCodePages: EastAsianCodePage[] = [
  {
    name: "euc-kr",
    // Hangul syllables are rows B0–C8: GB2312's Han spread over B0–F7.
    fits: (bytes) => eucKrProper(bytes) && leadShare(bytes, 0xb0, 0xc8) >= 0.9,
    reads: ({ decoded }) => readsKorean(decoded, 2),
    readsShort: ({ decoded, bytes }) => eucKrProper(bytes) && readsKorean(decoded, 1),
    foreign: foreignLetters.hangul,
  },
  {
    name: "shift_jis",
    // Hiragana are row 82, katakana row 83.
    fits: (bytes) => leadShare(bytes, 0x82, 0x83) >= 0.2,
    reads: ({ decoded }) => readsJapanese(decoded, 0.2),
    readsShort: ({ decoded }) => readsJapanese(decoded, 0),
    foreign: foreignLetters.japanese,
  },
  {
    name: "euc-jp",
    // Kana are rows A4 and A5.
    fits: (bytes) => leadShare(bytes, 0xa4, 0xa5) >= 0.2,
    reads: ({ decoded }) => readsJapanese(decoded, 0.2),
    readsShort: ({ decoded }) => readsJapanese(decoded, 0),
    foreign: foreignLetters.japanese,
  },
  {
    name: "gb18030",
    fits: () => true,
    reads: readsGbk,
    readsShort: readsGbkShort,
    foreign: foreignLetters.han,
  },
  {
    name: "big5",
    // The frequent characters are rows A4–C6, the symbols A1–A3.
    fits: (bytes) => leadShare(bytes, 0xa1, 0xc6) >= 0.95,
    reads: (reading) =>
      hanLikeRe.test(reading.decoded) &&
      !readsGbk({ ...reading, decoded: iconv.decode(Buffer.from(reading.bytes), "gb18030") }),
    readsShort: ({ decoded, bytes }) =>
      hanLikeRe.test(decoded) && leadShare(bytes, 0xa1, 0xc6) >= 0.95,
    foreign: foreignLetters.han,
  },
];
