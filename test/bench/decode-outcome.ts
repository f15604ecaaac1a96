/**
 * What the charset benches ask of decodeBytes for one case: the text and the
 * charset it chose, or, when it refuses the bytes, the refusal in place of
 * the charset (a refused case counts as not decoded).
 */
import { type DecodeHints, decodeBytes } from "../../pipelines/fetch/decode/decode-bytes.ts";

export function decodeOutcome(
  bytes: Uint8Array,
  hints: DecodeHints = {},
): { text: string; detected: string } {
  try {
    const out = decodeBytes(bytes, hints);
    return { text: out.text, detected: out.encoding.detected };
  } catch (error) {
    return { text: "", detected: error instanceof Error ? error.message : String(error) };
  }
}
