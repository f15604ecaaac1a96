/**
 * Bytes → Unicode text. The evidence, strongest first: a byte-order mark;
 * the shape of UTF-16/32 without one; ISO-2022 escapes; a declaration (HTTP
 * Content-Type, <meta>, XML declaration), overruled only when its decode is
 * clearly broken and another decodes clean, or when the bytes are valid
 * non-ASCII UTF-8; then, for what nobody declared, the charset of the
 * source's previous document if it decodes clean; then statistical
 * sniffing (sniff-charset.ts), overruled for short bytes of a declared
 * language that does not admit its answer (locale-default.ts). Bytes that
 * are not text throw PermanentError before any heavy work. Undecodable
 * bytes become U+FFFD and are counted.
 */
import type { EncodingInfo, Repair } from "../../../shared/document.ts";
import { bomCharset } from "./bom.ts";
import { canonicalCharset } from "./charset-names.ts";
import { declaredCharset, declaredLanguage } from "./declared-charset.ts";
import { isCleanDecode } from "./decode-quality.ts";
import { decodeIso2022Jp, decodeIso2022Kr, sniffIso2022 } from "./iso-2022.ts";
import { decodeLegacy } from "./legacy-decode.ts";
import { languageCharsets, writtenIn } from "./locale-default.ts";
import { assertDecodedText, assertTextBytes } from "./not-text.ts";
import { sniffLegacy } from "./sniff-charset.ts";
import { sniffWideUnicode } from "./wide-unicode.ts";

export interface DecodeHints {
  contentType?: string;
  fileName?: string;
  /** The charset the source's previous document was decoded with: the prior for short, undeclared bytes. */
  previousEncoding?: string;
  /** The HTTP Content-Language header: with <html lang>, the language whose default charset short, undeclared bytes get. */
  contentLanguage?: string;
}

/** Below this many bytes, a detector's statistics are thin: a declared language can overrule it. */
const shortInput = 256;

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

function hasNul(bytes: Uint8Array): boolean {
  return bytes.indexOf(0) !== -1;
}

/** Bytes decoded with a charset this module knows; a BOM of that charset is dropped. */
function decodeWith(bytes: Uint8Array, charset: string): string {
  if (charset === "utf-8") return new TextDecoder("utf-8").decode(bytes);
  if (charset === "iso-2022-jp") return decodeIso2022Jp(bytes);
  if (charset === "iso-2022-kr") return decodeIso2022Kr(bytes);
  const text = decodeLegacy(bytes, charset);
  return charset.startsWith("utf-") && text.startsWith("\uFEFF") ? text.slice(1) : text;
}

function countReplacement(text: string): number {
  let n = 0;
  for (let i = text.indexOf("\uFFFD"); i !== -1; i = text.indexOf("\uFFFD", i + 1)) n++;
  return n;
}

/** Whether a legacy charset that evidence points to reads the bytes clean. */
function fits(bytes: Uint8Array, charset: string | null): charset is string {
  return (
    charset !== null && !charset.startsWith("utf-") && isCleanDecode(decodeWith(bytes, charset))
  );
}

/**
 * Undeclared 8-bit bytes: UTF-8 when they are, else the previous document's
 * charset when it reads them clean, else sniffed. Short bytes of a declared
 * language, sniffed as a charset the language does not admit, get the first
 * charset it admits (its locale default, then that default's family) that
 * reads them clean and in the language's script.
 */
function undeclared(bytes: Uint8Array, prior: string | null, language: string | null): Choice {
  if (isAscii(bytes) || isValidUtf8(bytes)) return { charset: "utf-8", confidence: 1 };
  if (fits(bytes, prior)) return { charset: prior, confidence: 0.8 };
  const sniffed = sniffLegacy(bytes);
  if (!language || bytes.length >= shortInput) return sniffed;
  const admitted = languageCharsets(language);
  if (admitted.length === 0 || admitted.includes(sniffed.charset)) return sniffed;
  const fallback = admitted.find(
    (charset) => fits(bytes, charset) && writtenIn(decodeWith(bytes, charset), language),
  );
  return fallback ? { charset: fallback, confidence: 0.6 } : sniffed;
}

/** Whether a declared charset stands: its decode is clean, or no other decodes cleaner. */
function declaredStands(bytes: Uint8Array, declared: string): boolean {
  if (declared.startsWith("utf-16") || declared.startsWith("utf-32")) return false;
  if (declared !== "utf-8" && !isAscii(bytes) && isValidUtf8(bytes)) return false;
  return isCleanDecode(decodeWith(bytes, declared));
}

/** Bytes (and what the transport said about them) → text, the charset decided, and repairs; throws PermanentError for non-text. */
export function decodeBytes(bytes: Uint8Array, hints: DecodeHints = {}): DecodedText {
  const repairs: Repair[] = [];
  const bom = bomCharset(bytes);
  const declared = declaredCharset(bytes, hints.contentType);
  const declaredName = declared ? canonicalCharset(declared.label) : null;
  const prior = hints.previousEncoding ? canonicalCharset(hints.previousEncoding) : null;
  const language = declaredLanguage(bytes, hints.contentLanguage);

  let choice: Choice;
  let body = bytes;
  const wide = !bom && hasNul(bytes) ? sniffWideUnicode(bytes) : null;
  const iso2022 = bom || wide ? null : sniffIso2022(bytes);
  if (bom) {
    choice = { charset: bom.charset, confidence: 1 };
    body = bytes.subarray(bom.length);
  } else if (wide) {
    choice = { charset: wide, confidence: 0.95 };
  } else if (iso2022) {
    choice = { charset: iso2022, confidence: 1 };
  } else {
    assertTextBytes(bytes);
    if (declaredName && declaredStands(bytes, declaredName)) {
      choice = { charset: declaredName, confidence: 1 };
    } else {
      choice = undeclared(bytes, prior, language);
      if (declaredName && declaredName !== choice.charset) {
        // Overruled only when the alternative decodes clean; otherwise the declaration keeps its word.
        if (!isCleanDecode(decodeWith(bytes, choice.charset)) && !declaredName.startsWith("utf-")) {
          choice = { charset: declaredName, confidence: 0.5 };
        } else if (declared) {
          repairs.push({
            kind: "charset-override",
            count: 1,
            detail: `declared ${declared.label} (${declared.from}) contradicted by the bytes; decoded as ${choice.charset}`,
          });
        }
      }
    }
  }

  const text = decodeWith(body, choice.charset);
  assertDecodedText(text, choice.charset);
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
