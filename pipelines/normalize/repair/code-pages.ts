/**
 * The single-byte code pages that UTF-8 is most often misread as, as
 * tables built from iconv-lite (never written by hand). Each table is
 * "sloppy", as browsers and Python's ftfy treat windows-125x: a byte the code
 * page leaves undefined decodes to the C1 control or Latin-1 character with
 * the same number, so the mapping is total and reversible. U+FFFD maps to
 * the wildcard byte: a byte a decoder lost, whose value is unknown.
 */
import iconv from "iconv-lite";

/** Stands for a byte that became U+FFFD: any continuation byte could have been there. */
export const wildcardByte = 0x100;

export interface CodePage {
  /** The WHATWG / iconv-lite name, used in repair details. */
  name: string;
  /** byte → character, for bytes 0x80–0xFF (index b - 0x80). */
  high: string[];
  /** character → byte, for the non-ASCII characters of the table. */
  byteOf: Map<string, number>;
  /**
   * The continuation bytes (0x80–0xBF) the code page leaves undefined: a
   * strict decoder turned them into U+FFFD, so a U+FFFD inside mojibake
   * through this code page was one of them (windows-1252: 81 8D 8F 90 9D).
   */
  undefinedContinuations: number[];
}

function build(name: string): CodePage {
  const high: string[] = [];
  const byteOf = new Map<string, number>();
  const undefinedContinuations: number[] = [];
  for (let b = 0x80; b < 0x100; b++) {
    const decoded = iconv.decode(Buffer.from([b]), name);
    const defined = decoded.length === 1 && decoded !== "\uFFFD";
    if (!defined && b < 0xc0) undefinedContinuations.push(b);
    const ch = defined ? decoded : String.fromCharCode(b);
    high.push(ch);
    if (!byteOf.has(ch)) byteOf.set(ch, b);
  }
  // Latin-1 readings of 0x80–0x9F count as windows-1252 too (a Latin-1 decoder made them).
  if (name === "windows-1252")
    for (let b = 0x80; b < 0xa0; b++) byteOf.set(String.fromCharCode(b), b);
  byteOf.set("\uFFFD", wildcardByte);
  return { name, high, byteOf, undefinedContinuations };
}

/**
 * Tried in this order; an earlier one wins a tie. windows-1252 first (it
 * covers Latin-1), then the other Windows pages, then ISO, Mac, DOS, KOI8.
 */
export const codePages: CodePage[] = [
  "windows-1252",
  "windows-1251",
  "windows-1250",
  "windows-1253",
  "windows-1254",
  "windows-1257",
  "iso-8859-2",
  "macintosh",
  "cp437",
  "iso-8859-5",
  "iso-8859-7",
  "iso-8859-15",
  "koi8-r",
  "koi8-u",
  "cp850",
].map(build);

/** The first of them, and the code page of most mojibake. */
export const windows1252 = codePages[0] as CodePage;

/** Whether a character is windows-1252's image of a continuation byte (80–BF): "¸", "€", "‚"… */
export function isContinuationImage(ch: string): boolean {
  const b = windows1252.byteOf.get(ch);
  return b !== undefined && b >= 0x80 && b < 0xc0;
}

/** Bytes of a text in a code page (one byte per UTF-16 unit), or null if a character is not in it. */
export function encodeIn(cp: CodePage, text: string, from = 0, to = text.length): number[] | null {
  const out: number[] = new Array(to - from);
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) {
      out[i - from] = code;
      continue;
    }
    const b = cp.byteOf.get(text.charAt(i));
    if (b === undefined) return null;
    out[i - from] = b;
  }
  return out;
}

/** The code page a repaired span went through, by name; windows-1252 text with none of its own 27 characters reads as Latin-1. */
export function pathName(cp: CodePage, source: string): string {
  if (cp.name !== "windows-1252") return cp.name;
  for (let i = 0; i < source.length; i++)
    if (source.charCodeAt(i) > 0xff && source.charAt(i) !== "\uFFFD") return "windows-1252";
  return "latin-1";
}
