/**
 * East Asian legacy bytes decoded as windows-1252 or Latin-1, the classic
 * mojibake of pages whose charset was missing or wrong: EUC-KR "ÇÑ±¹" for
 * 한국, Shift_JIS "“Œ‹ž" for 東京, EUC-JP "¥ì¥¢" for レア, Big5 "¤¤°ê"
 * for 中國, GBK "ÖÐ¹ú" for 中国. Each Latin run is turned back into its
 * bytes (cp1252.ts: both decoders at once) and decoded with each code page
 * through iconv-lite's tables; a decode is taken only when it is clean (no
 * U+FFFD, no control character) and reads as its language's script does:
 *
 * - Korean: Hangul syllables, at least nine letters in ten. EUC-KR puts
 *   syllables on 25 rows of 94; Chinese bytes read as EUC-KR come out a
 *   mix of syllables and Hanja, Japanese ones as loose jamo.
 * - Japanese: kana among the letters (particles and endings are kana in
 *   any sentence), nothing outside kana and Han. Korean or Chinese bytes
 *   read as Shift_JIS or EUC-JP give kanji and half-width katakana, or no
 *   kana at all.
 * - Chinese: Han characters, nearly all of them common. For GBK the
 *   character model says which are (it has read Simplified news); for Big5,
 *   the frequent-character half of the table (lead bytes A4–C6) holds
 *   nearly every character of real text, while GB2312 bytes read as Big5
 *   land in the rare half a third of the time.
 *
 * Kana and Hangul are distinctive enough to go before the single-byte repair
 * (which would otherwise read "ÈñÅ" as UTF-8 through MacRoman, a rare Han
 * character); Han-only decodes go after it, as any long Latin run could
 * pass for some Han, and the gated single-byte repair must have had its say.
 * A run that is valid UTF-8 is never taken: that is the single-byte repair's
 * mojibake.
 */
import { isUtf8 } from "node:buffer";
import iconv from "iconv-lite";
import type { Repair } from "../../../shared/document.ts";
import { HAN_RANGES } from "../../../shared/text/han.ts";
import { type CharModel, charModel, meanLogProb } from "./char-model.ts";
import {
  type CodePage as SingleByteCodePage,
  codePages as singleByteCodePages,
} from "./code-pages.ts";
import { cp1252Specials, toSingleBytes } from "./cp1252.ts";
import type { SpanRepair } from "./span-repair.ts";

/** What a code page's reading of a run is judged with. */
interface Reading {
  decoded: string;
  bytes: Uint8Array;
  run: string;
  /** Two characters before the run, for the character model. */
  before: string;
  model: CharModel;
}

interface CodePage {
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

const high = `\\u0080-\\u00FF${cp1252Specials}`;
/**
 * A run: high characters, an ASCII character right after one (the trail
 * byte of a pair: "µ}" is one Big5 character), single spaces between them.
 */
const runRe = new RegExp(`[${high}](?:[${high}]|(?<=[${high}])[\\x40-\\x7E]| (?=[${high}]))*`, "g");
/**
 * Two high characters side by side: a text of legacy double-byte
 * characters has them wherever a trail byte is high (every EUC pair, most
 * GBK and Big5 pairs, Shift_JIS hiragana), and clean text seldom does (its
 * curly quotes and accented letters stand apart: "“I’ve"), so most texts
 * are passed over by one native scan.
 */
const closeHighRe = new RegExp(`[${high}]{2}`);
/** An anchor has at least this many high bytes (three double-byte characters): a few letters of real Latin text can be anything. */
const minHighBytes = 6;
/** Once anchors have shown the code page, a run of one double-byte character is read too. */
const minShortBytes = 2;

// biome-ignore lint/suspicious/noControlCharactersInRegex: a control character is never a repair's result
const controlRe = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;

/** A text's letters (not ASCII, CJK or full-width punctuation), and how many are of each East Asian script. */
interface ScriptCounts {
  letters: number;
  hangul: number;
  kana: number;
  han: number;
}

/** Punctuation, not letters: CJK and full-width punctuation, the middle dot, general punctuation. */
function isPunctuation(c: number): boolean {
  return (
    (c >= 0x3000 && c <= 0x303f) ||
    (c >= 0xff01 && c <= 0xff0f) ||
    (c >= 0xff1a && c <= 0xff20) ||
    (c >= 0xff3b && c <= 0xff40) ||
    (c >= 0xff5b && c <= 0xff65) ||
    c === 0x00b7 ||
    (c >= 0x2010 && c <= 0x2027) ||
    (c >= 0x2030 && c <= 0x203b)
  );
}

/** One pass over the text, by code unit (an astral character counts once, as a letter of no script here). */
function scriptCounts(text: string): ScriptCounts {
  const counts = { letters: 0, hangul: 0, kana: 0, han: 0 };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80 || (c >= 0xdc00 && c <= 0xdfff) || isPunctuation(c)) continue;
    counts.letters++;
    if (c >= 0xac00 && c <= 0xd7a3) counts.hangul++;
    else if ((c >= 0x3041 && c <= 0x3096) || (c >= 0x30a1 && c <= 0x30fa) || c === 0x30fc)
      counts.kana++;
    else if ((c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff)) counts.han++;
  }
  return counts;
}
// Han, CJK and full-width punctuation, and the general punctuation GBK and Big5 carry (“”—…·).
const hanLikeRe = new RegExp(
  `^[\\u0020-\\u007E\\u00B7\\u2010-\\u2027\\u2030-\\u203B\\u3000-\\u303F${HAN_RANGES}\\uFF00-\\uFFEF]+$`,
  "u",
);

/** Whether a text has a character beyond Latin-1 (one of windows-1252's own 27). */
function beyondLatin1(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0xff) return true;
  return false;
}

/** Characters of a run that are not ASCII (all of them high: the run is made so). */
function highCount(run: string): number {
  let n = 0;
  for (let i = 0; i < run.length; i++) if (run.charCodeAt(i) >= 0x80) n++;
  return n;
}

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

/** Hangul syllables, at least nine letters in ten, and at least `minLetters` letters. */
function readsKorean(decoded: string, minLetters: number): boolean {
  const { letters, hangul } = scriptCounts(decoded);
  return letters >= minLetters && hangul >= 0.9 * letters;
}

/** Kana and Han only, kana at least `minKana` of the letters. */
function readsJapanese(decoded: string, minKana: number): boolean {
  const { letters, kana, han } = scriptCounts(decoded);
  return letters >= 1 && kana + han === letters && kana >= minKana * letters;
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

/** Share of letters outside the scripts `inScript` counts (1 for a text without letters). */
function foreignShare(text: string, inScript: (counts: ScriptCounts) => number): number {
  const counts = scriptCounts(text);
  return counts.letters === 0 ? 1 : 1 - inScript(counts) / counts.letters;
}

const hangulOrKanaHan = {
  hangul: (text: string) => foreignShare(text, (c) => c.hangul),
  japanese: (text: string) => foreignShare(text, (c) => c.kana + c.han),
  han: (text: string) => foreignShare(text, (c) => c.han),
};

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
const codePages: CodePage[] = [
  {
    name: "euc-kr",
    // Hangul syllables are rows B0–C8: GB2312's Han spread over B0–F7.
    fits: (bytes) => eucKrProper(bytes) && leadShare(bytes, 0xb0, 0xc8) >= 0.9,
    reads: ({ decoded }) => readsKorean(decoded, 2),
    readsShort: ({ decoded, bytes }) => eucKrProper(bytes) && readsKorean(decoded, 1),
    foreign: hangulOrKanaHan.hangul,
  },
  {
    name: "shift_jis",
    // Hiragana are row 82, katakana row 83.
    fits: (bytes) => leadShare(bytes, 0x82, 0x83) >= 0.2,
    reads: ({ decoded }) => readsJapanese(decoded, 0.2),
    readsShort: ({ decoded }) => readsJapanese(decoded, 0),
    foreign: hangulOrKanaHan.japanese,
  },
  {
    name: "euc-jp",
    // Kana are rows A4 and A5.
    fits: (bytes) => leadShare(bytes, 0xa4, 0xa5) >= 0.2,
    reads: ({ decoded }) => readsJapanese(decoded, 0.2),
    readsShort: ({ decoded }) => readsJapanese(decoded, 0),
    foreign: hangulOrKanaHan.japanese,
  },
  {
    name: "gb18030",
    fits: () => true,
    reads: readsGbk,
    readsShort: readsGbkShort,
    foreign: hangulOrKanaHan.han,
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
    foreign: hangulOrKanaHan.han,
  },
];
/**
 * Whether some code page of the single-byte repair (code-pages.ts) gives the
 * run's characters bytes that are UTF-8: then it is that repair's mojibake
 * ("ã¬ã¢" through ISO-8859-15, "¤à¤Ç" through cp850), however well the
 * bytes read as Japanese or Big5 through windows-1252.
 */
function utf8ThroughSomeCodePage(run: string): boolean {
  return singleByteCodePages.some((cp) => utf8Through(cp, run));
}

/** Whether the run's bytes through `cp` are UTF-8, read as they come: most code pages fail within a character or two. */
function utf8Through(cp: SingleByteCodePage, run: string): boolean {
  let need = 0;
  for (let i = 0; i < run.length; i++) {
    const code = run.charCodeAt(i);
    const b = code < 0x80 ? code : cp.byteOf.get(run.charAt(i));
    if (b === undefined || b > 0xff) return false;
    if (need > 0) {
      if (b < 0x80 || b > 0xbf) return false;
      need--;
    } else if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) need = 2;
    else if (b >= 0xf0 && b <= 0xf4) need = 3;
    else if (b >= 0x80) return false;
  }
  // Overlong and surrogate forms are not told apart here: the run is long, and pieces of it rarely pass.
  return need === 0;
}

/** A run of high characters that may be legacy bytes: where it is, and its bytes. */
interface Run {
  start: number;
  end: number;
  text: string;
  bytes: Uint8Array;
  high: number;
}

/** The runs of a text that could be legacy bytes read as Latin. */
function candidateRuns(text: string): Run[] {
  const runs: Run[] = [];
  for (const m of text.matchAll(runRe)) {
    const start = m.index;
    const end = start + m[0].length;
    const high = highCount(m[0]);
    // "¦~" is Big5's 年: a trail byte may be ASCII, so a short run counts all its bytes.
    if (m[0].length < minShortBytes) continue;
    // Legacy bytes read as Latin give Latin-1 and windows-1252 characters
    // only: a run against any other ("õ╗Àõ©", cp850's box drawing) is a
    // piece of some other code page's mojibake.
    if (text.charCodeAt(start - 1) >= 0x80 || text.charCodeAt(end) >= 0x80) continue;
    const bytes = toSingleBytes(m[0]);
    // UTF-8 read as windows-1252, the commonest mojibake, is told at once.
    if (!bytes || (high >= minHighBytes && isUtf8(bytes))) continue;
    runs.push({ start, end, text: m[0], bytes, high });
  }
  return runs;
}

/** A run's clean decode through `cp`, or null (U+FFFD, a control character). */
function cleanDecode(cp: CodePage, bytes: Uint8Array): string | null {
  const decoded = iconv.decode(Buffer.from(bytes), cp.name);
  return decoded.includes("\uFFFD") || controlRe.test(decoded) ? null : decoded;
}

/** The code page an anchor (a long run) reads through, first in `codePages` order, or null. */
function anchorCodePage(text: string, run: Run, model: CharModel): CodePage | null {
  const before = text.slice(Math.max(0, run.start - 2), run.start);
  for (const cp of codePages) {
    if (!cp.fits(run.bytes)) continue;
    const decoded = cleanDecode(cp, run.bytes);
    if (decoded === null) continue;
    if (cp.reads({ decoded, bytes: run.bytes, run: run.text, before, model })) return cp;
  }
  return null;
}

/**
 * Text → text with East Asian legacy bytes read as windows-1252 or Latin-1
 * repaired ("ÇÑ±¹", "“Œ‹ž", "¥ì¥¢", "¤¤°ê", "ÖÐ¹ú"), and its repairs.
 * The document's long runs (anchors: four characters or more, not UTF-8
 * through any single-byte code page) say which code pages it was written
 * in; then every run, down to a lone character between digits ("2024Äê"
 * is 2024年), is read through those, the commonest first.
 */
export function repairLegacyCjkBytes(
  text: string,
  explain?: SpanRepair[],
): { text: string; repairs: Repair[] } {
  if (!closeHighRe.test(text)) return { text, repairs: [] };
  const runs = candidateRuns(text);
  const anchors = runs.filter(
    (run) => run.high >= minHighBytes && !utf8ThroughSomeCodePage(run.text),
  );
  if (anchors.length === 0) return { text, repairs: [] };
  const model = charModel();
  const votes = new Map<CodePage, number>();
  for (const run of anchors) {
    const cp = anchorCodePage(text, run, model);
    if (cp) votes.set(cp, (votes.get(cp) ?? 0) + 1);
  }
  if (votes.size === 0) return { text, repairs: [] };
  const shown = [...votes].sort((a, b) => b[1] - a[1]).map(([cp]) => cp);

  const counts = new Map<string, number>();
  let out = "";
  let pos = 0;
  for (const run of runs) {
    // A long run that is UTF-8 through some code page is that repair's; a
    // short one may be so by chance (a GBK pair C2–DF A1–BF is Latin-1 UTF-8).
    if (run.high >= minHighBytes && utf8ThroughSomeCodePage(run.text)) continue;
    const before = text.slice(Math.max(0, run.start - 2), run.start);
    for (const cp of shown) {
      const decoded = cleanDecode(cp, run.bytes);
      if (decoded === null) continue;
      const reading = { decoded, bytes: run.bytes, run: run.text, before, model };
      if (!cp.readsShort(reading)) continue;
      const gbk = cp.name === "gb18030";
      const scoreBefore = gbk ? -meanLogProb(model, before, run.text) : cp.foreign(run.text);
      const scoreAfter = gbk ? -meanLogProb(model, before, decoded) : cp.foreign(decoded);
      // Latin-1 when nothing but windows-1252's own 27 characters tells them apart.
      const reader = beyondLatin1(run.text) ? "windows-1252" : "latin-1";
      const path = `${gbk ? "gbk" : cp.name} read as ${reader}`;
      counts.set(path, (counts.get(path) ?? 0) + [...decoded.replace(/ /g, "")].length);
      explain?.push({ before: run.text, after: decoded, path, scoreBefore, scoreAfter });
      out += text.slice(pos, run.start) + decoded;
      pos = run.end;
      break;
    }
  }
  if (counts.size === 0) return { text, repairs: [] };
  const repairs: Repair[] = [...counts].map(([detail, n]) => ({
    kind: "mojibake",
    count: n,
    detail,
  }));
  return { text: out + text.slice(pos), repairs };
}
