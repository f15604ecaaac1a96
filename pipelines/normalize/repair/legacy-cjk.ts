/**
 * East Asian legacy bytes decoded as windows-1252 or Latin-1, the classic
 * mojibake of pages whose charset was missing or wrong: EUC-KR "ÇÑ±¹" for
 * 한국, Shift_JIS "“Œ‹ž" for 東京, EUC-JP "¥ì¥¢" for レア, Big5 "¤¤°ê"
 * for 中國, GBK "ÖÐ¹ú" for 中国. Each run of Latin characters is turned
 * back into its bytes (cp1252.ts: both decoders at once) and decoded through
 * iconv-lite's tables; what a decode must read as is
 * legacy-cjk-code-pages.ts's.
 *
 * The document's long runs (anchors) vote for the code pages it was written
 * in; then every run, down to one character between digits, is read through
 * those. Runs of a few letters are no evidence on their own, and a run that
 * is UTF-8 through some single-byte code page is that repair's mojibake
 * (mojibake-latin.ts), however well its bytes read as Japanese or Big5.
 * This runs before the single-byte repair, which would otherwise read pieces
 * of these runs as UTF-8 through some code page ("ÈñÅ", EUC-KR for 희,
 * is the rare Han "閁" through MacRoman).
 */
import { isUtf8 } from "node:buffer";
import iconv from "iconv-lite";
import type { Repair } from "../../../shared/document.ts";
import { type CharModel, charModel, meanLogProb } from "./char-model.ts";
import {
  pathName,
  type CodePage as SingleByteCodePage,
  codePages as singleByteCodePages,
  windows1252,
} from "./code-pages.ts";
import { cp1252Specials, toSingleBytes } from "./cp1252.ts";
import { type EastAsianCodePage, eastAsianCodePages } from "./legacy-cjk-code-pages.ts";
import type { SpanRepair } from "./span-repair.ts";

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

/** Characters of a run that are not ASCII (all of them high: the run is made so). */
function highCount(run: string): number {
  let n = 0;
  for (let i = 0; i < run.length; i++) if (run.charCodeAt(i) >= 0x80) n++;
  return n;
}

/**
 * Whether some code page of the single-byte repair (code-pages.ts) gives the
 * run's characters bytes that are UTF-8: then it is that repair's mojibake
 * ("ã¬ã¢" through ISO-8859-15, "¤à¤Ç" through cp850), however well the
 * bytes read as Japanese or Big5 through windows-1252.
 */
function utf8ThroughSomeCodePage(run: string): boolean {
  return singleByteCodePages.some((cp) => utf8Through(cp, run));
}

/**
 * Whether the run's bytes through `cp` are UTF-8, read as they come: most
 * code pages fail within a character or two. Through windows-1252 a
 * sequence may be cut short by the next lead, its undefined byte dropped
 * ("â€" + "Ð" is ‐ or ” in Cyrillic mojibake whose C1 controls were stripped).
 */
function utf8Through(cp: SingleByteCodePage, run: string): boolean {
  let need = 0;
  for (let i = 0; i < run.length; i++) {
    const code = run.charCodeAt(i);
    const b = code < 0x80 ? code : cp.byteOf.get(run.charAt(i));
    if (b === undefined || b > 0xff) return false;
    if (need > 0) {
      if (b >= 0x80 && b <= 0xbf) {
        need--;
        continue;
      }
      if (cp !== windows1252 || b < 0xc2 || b > 0xf4) return false;
      need = 0;
    }
    if (b >= 0xc2 && b <= 0xdf) need = 1;
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
    // UTF-8 read as windows-1252, the commonest mojibake, is told at once; a long run that is
    // UTF-8 through any single-byte code page is that repair's too. A short one may be so by
    // chance (a GBK pair C2–DF A1–BF is Latin-1 UTF-8): it stays a candidate.
    if (!bytes || (high >= minHighBytes && (isUtf8(bytes) || utf8ThroughSomeCodePage(m[0]))))
      continue;
    runs.push({ start, end, text: m[0], bytes, high });
  }
  return runs;
}

/** A run's clean decode through `cp`, or null (U+FFFD, a control character). */
function cleanDecode(cp: EastAsianCodePage, bytes: Uint8Array): string | null {
  const decoded = iconv.decode(Buffer.from(bytes), cp.name);
  return decoded.includes("\uFFFD") || controlRe.test(decoded) ? null : decoded;
}

/** The code page an anchor (a long run) reads through, the first in `eastAsianCodePages` order, or null. */
function anchorCodePage(text: string, run: Run, model: CharModel): EastAsianCodePage | null {
  const before = text.slice(Math.max(0, run.start - 2), run.start);
  for (const cp of eastAsianCodePages) {
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
 * The document's long runs (anchors: three double-byte characters or more,
 * not UTF-8 through any single-byte code page) say which code pages it was written
 * in; then every run, down to a lone character between digits ("2024Äê"
 * is 2024年), is read through those, the commonest first.
 */
export function repairLegacyCjkBytes(
  text: string,
  explain?: SpanRepair[],
): { text: string; repairs: Repair[] } {
  if (!closeHighRe.test(text)) return { text, repairs: [] };
  const runs = candidateRuns(text);
  const anchors = runs.filter((run) => run.high >= minHighBytes);
  if (anchors.length === 0) return { text, repairs: [] };
  const model = charModel();
  const votes = new Map<EastAsianCodePage, number>();
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
    const before = text.slice(Math.max(0, run.start - 2), run.start);
    for (const cp of shown) {
      const decoded = cleanDecode(cp, run.bytes);
      if (decoded === null) continue;
      const reading = { decoded, bytes: run.bytes, run: run.text, before, model };
      if (!cp.readsShort(reading)) continue;
      const gbk = cp.name === "gb18030";
      const scoreBefore = gbk ? -meanLogProb(model, before, run.text) : cp.foreign(run.text);
      const scoreAfter = gbk ? -meanLogProb(model, before, decoded) : cp.foreign(decoded);
      const path = `${gbk ? "gbk" : cp.name} read as ${pathName(windows1252, run.text)}`;
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
