/**
 * UTF-8 bytes decoded as GBK ("涓枃" for 中文), also when the decoder lost
 * bytes: a byte GBK cannot start a character with (0x80, 0xFF) or a lead
 * byte before an invalid trail became U+FFFD, one byte each, and the bytes
 * after it paired up anew. Re-encoding the run as GBK gives the UTF-8 bytes
 * back with a gap for each U+FFFD; the UTF-8 structure says which part of a
 * character each gap was (a lead or a continuation), the character model
 * chooses among the characters that fit (candidate-search.ts), and a gap no
 * known character fits stays U+FFFD: only what is truly lost is marked.
 */
import iconv from "iconv-lite";
import { hanChar } from "../../../shared/text/han.ts";
import { bestChoice, type Slot } from "./candidate-search.ts";
import type { CharModel } from "./char-model.ts";
import { decodeUtf8Char } from "./utf8.ts";

const gap = -1;
// biome-ignore lint/suspicious/noControlCharactersInRegex: C0 and C1 controls are never a repair's result
const controls = /[\u0000-\u001F\u0080-\u009F]/;

/** GBK bytes by character (null: not in GBK); a text uses a few thousand characters again and again. */
const gbkOf = new Map<string, number[] | null>();

function gbkChar(ch: string): number[] | null {
  let bytes = gbkOf.get(ch);
  if (bytes === undefined) {
    const encoded = iconv.encode(ch, "gbk");
    // iconv-lite writes "?" for a character GBK lacks.
    bytes = encoded.includes(0x3f) ? null : [...encoded];
    if (gbkOf.size > 100_000) gbkOf.clear();
    gbkOf.set(ch, bytes);
  }
  return bytes;
}

/** A run's GBK bytes, U+FFFD as a gap; null if a character is not GBK (the run never was). */
function gbkBytes(run: string): number[] | null {
  const out: number[] = [];
  for (const ch of run) {
    if (ch === "\uFFFD") {
      out.push(gap);
      continue;
    }
    const bytes = gbkChar(ch);
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
    if (b === gap || b < 0x80) {
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
function slotsOf(bytes: number[], model: CharModel): { slots: Slot[]; lost: number } | null {
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
      const options = gaps === 1 && length > 1 ? fill(bytes.slice(i, i + length), model) : [];
      if (options.length === 0) {
        slots.push("\uFFFD");
        lost++;
      } else slots.push(options.length === 1 ? (options[0] ?? "\uFFFD") : options);
    }
    i += Math.min(length, bytes.length - i);
  }
  return { slots, lost };
}

/** A run of UTF-8-read-as-GBK text → its repair (U+FFFD where bytes are truly lost), or null. */
export function decodeUtf8AsGbk(
  run: string,
  before: string,
  model: CharModel,
): { text: string; lost: number } | null {
  // Real Chinese fails the UTF-8 structure within a few characters: look at those first.
  const head = gbkBytes(run.slice(0, 12));
  if (!head || !utf8Shaped(head)) return null;
  // UTF-8 Chinese read as GBK is Han characters (its lead bytes fall in GBK's
  // Han rows) with few gaps; anything else here is real text beside a U+FFFD.
  const chars = [...run];
  const gaps = chars.filter((c) => c === "\uFFFD").length;
  const han = chars.filter((c) => hanChar.test(c)).length;
  if (han < 2 || han < 0.6 * (chars.length - gaps) || gaps > chars.length / 3) return null;
  const bytes = gbkBytes(run);
  if (!bytes?.some((b) => b >= 0x80 || b === gap)) return null;
  const parsed = slotsOf(bytes, model);
  if (!parsed) return null;
  const picks = bestChoice(model, before, parsed.slots);
  let k = 0;
  const text = parsed.slots
    .map((slot) => (typeof slot === "string" ? slot : (picks[k++] ?? "\uFFFD")))
    .join("");
  return { text, lost: parsed.lost };
}
