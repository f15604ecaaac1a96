/**
 * Bytes → Unicode text, deciding the charset the way a browser would (BOM,
 * then HTTP header, then <meta>, then XML declaration) but letting the bytes
 * overrule a declaration they contradict, and sniffing (chardet) when nothing
 * is declared. Never throws on bad bytes: undecodable bytes become U+FFFD and
 * are counted in `repairs`.
 */
import chardet from "chardet";
import iconv from "iconv-lite";
import type { EncodingInfo, Repair } from "../../../shared/document.ts";
import { canonicalCharset, isMultiByteLegacy } from "./charset-names.ts";
import { declaredCharset } from "./declared-charset.ts";

export interface DecodeHints {
  contentType?: string;
  fileName?: string;
}

export interface DecodedText {
  text: string;
  encoding: EncodingInfo;
  repairs: Repair[];
}

interface Choice {
  charset: string;
  confidence: number;
}

const utf8Strict = new TextDecoder("utf-8", { fatal: true });

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    utf8Strict.decode(bytes);
    return true;
  } catch (error) {
    // TextDecoder signals malformed input with a TypeError; anything else is a real fault.
    if (error instanceof TypeError) return false;
    throw error;
  }
}

function isAscii(bytes: Uint8Array): boolean {
  for (const b of bytes) if (b >= 0x80) return false;
  return true;
}

function bomCharset(bytes: Uint8Array): { charset: string; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { charset: "utf-8", length: 3 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { charset: "utf-16be", length: 2 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { charset: "utf-16le", length: 2 };
  return null;
}

function decodeWith(bytes: Uint8Array, charset: string): string {
  if (charset === "utf-8") return new TextDecoder("utf-8").decode(bytes);
  return iconv.decode(Buffer.from(bytes), charset);
}

function countReplacement(text: string): number {
  let n = 0;
  for (let i = text.indexOf("\uFFFD"); i !== -1; i = text.indexOf("\uFFFD", i + 1)) n++;
  return n;
}

/** Statistical sniffing for bytes whose charset nobody declared (or whose declaration lost). */
function sniff(bytes: Uint8Array): Choice {
  if (isAscii(bytes)) return { charset: "utf-8", confidence: 1 };
  if (isValidUtf8(bytes)) return { charset: "utf-8", confidence: 1 };
  const candidates: Choice[] = [];
  for (const match of chardet.analyse(bytes)) {
    const charset = canonicalCharset(match.name);
    if (!charset || charset === "utf-8" || charset.startsWith("utf-")) continue;
    if (candidates.some((c) => c.charset === charset)) continue;
    candidates.push({ charset, confidence: match.confidence / 100 });
  }
  const top = candidates[0];
  if (!top) return { charset: "windows-1252", confidence: 0.1 };
  // chardet sometimes ranks GB18030 and Big5 close together on short pages; the
  // decoder that leaves no invalid sequences is the better witness then.
  const close = candidates.filter(
    (c) => isMultiByteLegacy(c.charset) && c.confidence >= top.confidence - 0.25,
  );
  if (isMultiByteLegacy(top.charset) && close.length > 1) {
    const ranked = close
      .map((c) => ({ c, bad: countReplacement(decodeWith(bytes, c.charset)) }))
      .sort((a, b) => a.bad - b.bad || b.c.confidence - a.c.confidence);
    return ranked[0]?.c ?? top;
  }
  return top;
}

/** Does the evidence in the bytes contradict the declared charset? */
function contradicts(bytes: Uint8Array, declared: string): boolean {
  if (declared === "utf-8") return !isValidUtf8(bytes);
  if (declared.startsWith("utf-16")) return false;
  // Non-ASCII bytes that form valid UTF-8 are almost never an accident.
  if (!isAscii(bytes) && isValidUtf8(bytes)) return true;
  if (isMultiByteLegacy(declared)) {
    const text = decodeWith(bytes, declared);
    return countReplacement(text) > Math.max(2, text.length / 1000);
  }
  const guess = sniff(bytes);
  return isMultiByteLegacy(guess.charset) && guess.confidence >= 0.5;
}

export function decodeBytes(bytes: Uint8Array, hints: DecodeHints = {}): DecodedText {
  const repairs: Repair[] = [];
  const bom = bomCharset(bytes);
  const declared = declaredCharset(bytes, hints.contentType);
  const declaredName = declared ? canonicalCharset(declared.label) : null;

  let choice: Choice;
  let body = bytes;
  if (bom) {
    choice = { charset: bom.charset, confidence: 1 };
    body = bytes.subarray(bom.length);
  } else if (declaredName && !contradicts(bytes, declaredName)) {
    choice = { charset: declaredName, confidence: 1 };
  } else {
    choice = sniff(bytes);
    if (declared && declaredName !== choice.charset) {
      repairs.push({
        kind: "charset-override",
        count: 1,
        detail: `declared ${declared.label} (${declared.from}) contradicted by the bytes; decoded as ${choice.charset}`,
      });
    }
  }

  const text = decodeWith(body, choice.charset);
  const invalid = countReplacement(text);
  if (invalid > 0) {
    repairs.push({
      kind: "invalid-bytes",
      count: invalid,
      detail: `undecodable as ${choice.charset}`,
    });
  }
  const encoding: EncodingInfo = { detected: choice.charset, confidence: choice.confidence };
  if (declared) encoding.declared = declared.label.toLowerCase();
  return { text, encoding, repairs };
}
