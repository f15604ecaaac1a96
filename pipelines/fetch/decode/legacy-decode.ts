/** Legacy (non-Unicode) charsets: a sniffed guess, and bytes decoded with one. */
import iconv from "iconv-lite";
import { decodeJohab } from "./johab.ts";

export interface Sniffed {
  charset: string;
  confidence: number;
}

/** Some bytes decoded with a legacy charset (iconv-lite's tables, or ours for Johab). */
export function decodeLegacy(bytes: Uint8Array, charset: string): string {
  if (charset === "johab") return decodeJohab(bytes);
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), charset);
}
