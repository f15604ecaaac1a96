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

/** Before the single-byte repair, or after it. */
type Pass = "before" | "after";

interface CodePage {
  name: string;
  pass: Pass;
  /** A look at the bytes, before decoding them, that most runs of other text fail. */
  fits(bytes: Uint8Array): boolean;
  /** Whether a clean decode reads as real text of the code page's language. */
  reads(decoded: string, bytes: Uint8Array, model: CharModel): boolean;
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
/** Fewer high bytes than this are no evidence: two letters of real Latin text can be anything. */
const minHighBytes = 4;

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

function readsKorean(decoded: string): boolean {
  const { letters, hangul } = scriptCounts(decoded);
  return letters >= 2 && hangul >= 0.9 * letters;
}

function readsJapanese(decoded: string): boolean {
  const { letters, kana, han } = scriptCounts(decoded);
  return letters >= 2 && kana + han === letters && kana >= 0.2 * letters;
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

const readsGbk = (decoded: string, _bytes: Uint8Array, model: CharModel) =>
  hanLikeRe.test(decoded) && mostlyCommon(model, decoded);

const codePages: CodePage[] = [
  {
    name: "euc-kr",
    pass: "before",
    // Hangul syllables are rows B0–C8: GB2312's Han spread over B0–F7.
    fits: (bytes) => eucKrProper(bytes) && leadShare(bytes, 0xb0, 0xc8) >= 0.9,
    reads: readsKorean,
    foreign: hangulOrKanaHan.hangul,
  },
  {
    name: "shift_jis",
    pass: "before",
    // Hiragana are row 82, katakana row 83.
    fits: (bytes) => leadShare(bytes, 0x82, 0x83) >= 0.2,
    reads: readsJapanese,
    foreign: hangulOrKanaHan.japanese,
  },
  {
    name: "euc-jp",
    pass: "before",
    // Kana are rows A4 and A5.
    fits: (bytes) => leadShare(bytes, 0xa4, 0xa5) >= 0.2,
    reads: readsJapanese,
    foreign: hangulOrKanaHan.japanese,
  },
  {
    name: "big5",
    pass: "before",
    // The frequent characters are rows A4–C6, the symbols A1–A3.
    fits: (bytes) => leadShare(bytes, 0xa1, 0xc6) >= 0.95,
    // GB2312 bytes can read as Big5 too: GBK's reading, when it holds, is left for after.
    reads: (decoded, bytes, model) =>
      hanLikeRe.test(decoded) &&
      !readsGbk(iconv.decode(Buffer.from(bytes), "gb18030"), bytes, model),
    foreign: hangulOrKanaHan.han,
  },
  {
    name: "gb18030",
    pass: "after",
    fits: () => true,
    reads: readsGbk,
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

/** What a run's bytes read as: the first code page of the pass whose clean decode reads as its language. */
function decodeRun(
  bytes: Uint8Array,
  pass: Pass,
  model: CharModel,
): { text: string; cp: CodePage } | null {
  for (const cp of codePages) {
    if (cp.pass !== pass || !cp.fits(bytes)) continue;
    const text = iconv.decode(Buffer.from(bytes), cp.name);
    if (text.includes("\uFFFD") || controlRe.test(text) || !cp.reads(text, bytes, model)) continue;
    return { text, cp };
  }
  return null;
}

/** Text → text with the East Asian legacy bytes of one pass's code pages repaired. */
function repairPass(
  text: string,
  pass: Pass,
  explain?: SpanRepair[],
): { text: string; repairs: Repair[] } {
  const counts = new Map<string, number>();
  let model: CharModel | null = null;
  runRe.lastIndex = 0;
  const out = text.replace(runRe, (run: string, offset: number) => {
    if (highCount(run) < minHighBytes) return run;
    // Legacy bytes read as Latin give Latin-1 and windows-1252 characters
    // only: a run against any other ("õ╗Àõ©", cp850's box drawing) is a
    // piece of some other code page's mojibake.
    const end = offset + run.length;
    if (text.charCodeAt(offset - 1) >= 0x80 || text.charCodeAt(end) >= 0x80) return run;
    const bytes = toSingleBytes(run);
    // UTF-8 read as windows-1252, the commonest mojibake, is told at once.
    if (!bytes || isUtf8(bytes)) return run;
    model ??= charModel();
    const decoded = decodeRun(bytes, pass, model);
    if (!decoded || utf8ThroughSomeCodePage(run)) return run;
    let scoreBefore: number;
    let scoreAfter: number;
    if (decoded.cp.name === "gb18030") {
      // Han alone could be anything: the character model must find it more probable.
      const before = text.slice(Math.max(0, offset - 2), offset);
      scoreBefore = -meanLogProb(model, before, run);
      scoreAfter = -meanLogProb(model, before, decoded.text);
      if (scoreAfter >= scoreBefore) return run;
    } else {
      scoreBefore = decoded.cp.foreign(run);
      scoreAfter = decoded.cp.foreign(decoded.text);
    }
    const name = decoded.cp.name === "gb18030" ? "gbk" : decoded.cp.name;
    // Latin-1 when nothing but windows-1252's own 27 characters tells them apart.
    const reader = /[^\u0000-\u00FF]/.test(run) ? "windows-1252" : "latin-1";
    const path = `${name} read as ${reader}`;
    counts.set(path, (counts.get(path) ?? 0) + [...decoded.text.replace(/ /g, "")].length);
    explain?.push({ before: run, after: decoded.text, path, scoreBefore, scoreAfter });
    return decoded.text;
  });
  const repairs: Repair[] = [...counts].map(([detail, n]) => ({
    kind: "mojibake",
    count: n,
    detail,
  }));
  return { text: repairs.length === 0 ? text : out, repairs };
}

/** Korean, Japanese and Big5 bytes read as windows-1252/Latin-1 ("ÇÑ±¹", "“Œ‹ž", "¤¤°ê"); before the single-byte repair. */
export function repairLegacyCjkBytes(
  text: string,
  explain?: SpanRepair[],
): { text: string; repairs: Repair[] } {
  if (!closeHighRe.test(text)) return { text, repairs: [] };
  return repairPass(text, "before", explain);
}

/** GBK bytes read as windows-1252/Latin-1 ("ÖÐ¹ú"); after the single-byte repair. */
export function repairGbkBytes(
  text: string,
  explain?: SpanRepair[],
): { text: string; repairs: Repair[] } {
  if (!closeHighRe.test(text)) return { text, repairs: [] };
  return repairPass(text, "after", explain);
}
