/**
 * Bytes that are not text at all (an image, an archive, random bytes) must
 * stop at fetch with a reason, before any stage spends work on them: read
 * as a single-byte code page they would "decode" to a long document of
 * nonsense. Text in any encoding has almost no C0 control bytes and no NUL
 * bytes, except UTF-16/32, whose NULs the caller has already explained.
 */
import { PermanentError } from "../../../shared/errors.ts";

/** Shares above these are not text. */
const maxControlShare = 0.05;
const maxNulShare = 0.01;
const maxReplacementShare = 0.1;

function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** Throws PermanentError when raw bytes (not UTF-16/32) are not text: too many NUL or control bytes. */
export function assertTextBytes(bytes: Uint8Array): void {
  if (bytes.length === 0) return;
  let nul = 0;
  let control = 0;
  for (const b of bytes) {
    if (b === 0) nul++;
    // Tab, line feed, vertical tab, form feed, carriage return, SO/SI and ESC (ISO-2022) are text.
    else if (b < 0x20 && !(b >= 0x09 && b <= 0x0f) && b !== 0x1b) control++;
  }
  if (nul / bytes.length > maxNulShare)
    throw new PermanentError(
      `not text: ${percent(nul / bytes.length)} NUL bytes outside a UTF-16/32 pattern`,
    );
  if ((nul + control) / bytes.length > maxControlShare)
    throw new PermanentError(`not text: ${percent((nul + control) / bytes.length)} control bytes`);
}

/** Throws PermanentError when the best decode of some bytes is still mostly undecodable. */
export function assertDecodedText(text: string, charset: string): void {
  if (text.length === 0) return;
  let bad = 0;
  for (let i = text.indexOf("\uFFFD"); i !== -1; i = text.indexOf("\uFFFD", i + 1)) bad++;
  if (bad / text.length > maxReplacementShare)
    throw new PermanentError(
      `not text: no plausible decode (${percent(bad / text.length)} undecodable as ${charset})`,
    );
}
