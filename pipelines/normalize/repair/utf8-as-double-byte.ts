/**
 * UTF-8 bytes decoded with a double-byte code page: GBK ("涓枃" for 中文)
 * or Shift_JIS ("譁�蟄怜喧" for 文字化, "縺ｮ" for の), also when the
 * decoder lost bytes: a byte the code page cannot start a character with,
 * or a lead byte before an invalid trail, became U+FFFD, one byte each, and
 * the bytes after it paired up anew. Re-encoding the run with the code page
 * gives the UTF-8 bytes back with a gap for each U+FFFD; the UTF-8 structure
 * says which part of a character each gap was (a lead or a continuation),
 * the character model chooses among the characters that fit
 * (candidate-search.ts), and a gap no known character fits stays U+FFFD:
 * only what is truly lost is marked. (Big5 and EUC-KR lose a byte of nearly
 * every UTF-8 character: their UTF-8 trails are mostly invalid, and what is
 * left cannot be read back.)
 */
import iconv from "iconv-lite";
import { hanChar } from "../../../shared/text/han.ts";
import { bestChoice, type Slot } from "./candidate-search.ts";
import type { CharModel } from "./char-model.ts";
import { decodeUtf8Char } from "./utf8.ts";

const gap = -1;
// biome-ignore lint/suspicious/noControlCharactersInRegex: C0 and C1 controls are never a repair's result
const controls = /[\u0000-\u001F\u0080-\u009F]/;

/** The double-byte code pages whose reading of UTF-8 is repaired, by iconv-lite name. */
export type DoubleByteCodePage = "gbk" | "shift_jis";

/** Bytes by code page and character (null: not in the code page); a text uses a few thousand characters again and again. */
const bytesOf = {
  gbk: new Map<string, number[] | null>(),
  shift_jis: new Map<string, number[] | null>(),
};

/**
 * Byte 80, which Shift_JIS leaves undefined and UTF-8 uses as a continuation
 * (一 is E4 B8 80): decoders pass it on as U+0080, and the single-byte repair,
 * which runs first, has read that C1 control as windows-1252's "€".
 */
const shiftJisByte80 = new Set(["\u0080", "€"]);

function charBytes(ch: string, codePage: DoubleByteCodePage): number[] | null {
  if (codePage === "shift_jis" && shiftJisByte80.has(ch)) return [0x80];
  const cache = bytesOf[codePage];
  let bytes = cache.get(ch);
  if (bytes === undefined) {
    const encoded = iconv.encode(ch, codePage);
    // iconv-lite writes "?" for a character the code page lacks.
    bytes = encoded.includes(0x3f) ? null : [...encoded];
    if (cache.size > 100_000) cache.clear();
    cache.set(ch, bytes);
  }
  return bytes;
}

/** A run's bytes in the code page, U+FFFD as a gap; null if a character is not in it (the run never was). */
function runBytes(run: string, codePage: DoubleByteCodePage): number[] | null {
  const out: number[] = [];
  for (const ch of run) {
    if (ch === "\uFFFD") {
      out.push(gap);
      continue;
    }
    const bytes = charBytes(ch, codePage);
    if (!bytes) return null;
    for (const b of bytes) out.push(b);
  }
  return out;
}

function isCont(b: number | undefined): boolean {
  return b !== undefined && b >= 0x80 && b < 0xc0;
}

/** Whether bytes (with gaps) could be the start of UTF-8: every complete sequence well formed. */
function utf8Shaped(bytes: number[]): boolean {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i] ?? 0;
    if (b === gap) {
      // A lost byte, perhaps a lead: continuation bytes may follow (as slotsOf reads them).
      i++;
      for (let k = 0; k < 3 && isCont(bytes[i]); k++) i++;
      continue;
    }
    if (b < 0x80) {
      i++;
      continue;
    }
    const length =
      b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0) return false;
    for (let k = 1; k < length && i + k < bytes.length; k++) {
      const c = bytes[i + k];
      if (c !== gap && !isCont(c)) return false;
    }
    i += length;
  }
  return true;
}

/** fill() by sequence: the same few leads and gaps recur all through a text. */
const fills = new Map<string, string[]>();

/** The characters a sequence with one gap may have been, that the model knows. */
function fill(seq: number[], model: CharModel): string[] {
  const key = seq.join(",");
  const cached = fills.get(key);
  if (cached) return cached;
  // Bounded: keys are at most a few hundred thousand byte patterns.
  if (fills.size > 50_000) fills.clear();
  const out = fillUncached(seq, model);
  fills.set(key, out);
  return out;
}

function fillUncached(seq: number[], model: CharModel): string[] {
  const at = seq.indexOf(gap);
  const [lo, hi] =
    at > 0
      ? [0x80, 0xbf]
      : seq.length === 2
        ? [0xc2, 0xdf]
        : seq.length === 3
          ? [0xe0, 0xef]
          : [0xf0, 0xf4];
  const out: string[] = [];
  const bytes = [...seq];
  for (let b = lo; b <= hi; b++) {
    bytes[at] = b;
    const ch = decodeUtf8Char(bytes);
    if (ch !== null && !controls.test(ch) && model.count(ch) > 0) out.push(ch);
  }
  return out;
}

/** Bytes with gaps → slots for the beam search, or null when they are not damaged UTF-8. */
function slotsOf(
  bytes: number[],
  model: CharModel,
  inferLost: boolean,
): { slots: Slot[]; lost: number } | null {
  const slots: Slot[] = [];
  let lost = 0;
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i] ?? 0;
    if (b !== gap && b < 0x80) {
      slots.push(String.fromCharCode(b));
      i++;
      continue;
    }
    let length: number;
    if (b === gap) {
      let k = 0;
      while (k < 3 && isCont(bytes[i + 1 + k])) k++;
      length = k + 1;
    } else if (b >= 0xc2 && b <= 0xdf) length = 2;
    else if (b >= 0xe0 && b <= 0xef) length = 3;
    else if (b >= 0xf0 && b <= 0xf4) length = 4;
    else return null;
    // A run that ends inside a character was never UTF-8.
    if (i + length > bytes.length) return null;
    let gaps = 0;
    for (let k = 0; k < length; k++) {
      const x = bytes[i + k];
      if (x === gap) gaps++;
      else if (k > 0 && !isCont(x)) return null;
    }
    if (gaps === 0) {
      const ch = decodeUtf8Char(bytes, i, length);
      if (ch === null || controls.test(ch)) return null;
      slots.push(ch);
    } else {
      const options =
        inferLost && gaps === 1 && length > 1 ? fill(bytes.slice(i, i + length), model) : [];
      if (options.length === 0) {
        slots.push("\uFFFD");
        lost++;
      } else slots.push(options.length === 1 ? (options[0] ?? "\uFFFD") : options);
    }
    i += Math.min(length, bytes.length - i);
  }
  return { slots, lost };
}

/** Half-width katakana: Shift_JIS's single bytes A1–DF, which UTF-8 continuation bytes become. */
const halfWidthKana = /[\uFF61-\uFF9F]/;

/**
 * A run of UTF-8 read with a double-byte code page → its repair (U+FFFD
 * where bytes are truly lost), or null. `inferLost`: whether a lost byte is
 * inferred with the character model, which knows Chinese (for Japanese it
 * would put a plausible Chinese character where a kana was: U+FFFD instead).
 */
export function decodeUtf8AsDoubleByte(
  run: string,
  before: string,
  model: CharModel,
  codePage: DoubleByteCodePage,
  inferLost = true,
): { text: string; lost: number } | null {
  // Real text fails the UTF-8 structure within a few characters: look at those first.
  const head = runBytes(run.slice(0, 12), codePage);
  if (!head || !utf8Shaped(head)) return null;
  // UTF-8 read this way is Han characters (its lead bytes fall in the Han
  // rows), and through Shift_JIS half-width katakana, with few gaps;
  // anything else here is real text beside a U+FFFD.
  const chars = [...run];
  const gaps = chars.filter((c) => c === "\uFFFD").length;
  const han = chars.filter((c) => hanChar.test(c)).length;
  const shaped = han + chars.filter((c) => halfWidthKana.test(c)).length;
  if (han < 2 || shaped < 0.6 * (chars.length - gaps) || gaps > chars.length / 3) return null;
  const bytes = runBytes(run, codePage);
  if (!bytes?.some((b) => b >= 0x80 || b === gap)) return null;
  const parsed = slotsOf(bytes, model, inferLost);
  if (!parsed) return null;
  const picks = bestChoice(model, before, parsed.slots);
  let k = 0;
  const text = parsed.slots
    .map((slot) => (typeof slot === "string" ? slot : (picks[k++] ?? "\uFFFD")))
    .join("");
  return { text, lost: parsed.lost };
}
