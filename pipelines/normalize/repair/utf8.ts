/** Strict UTF-8 decoding that reports failure instead of inserting U+FFFD. */
const strict = new TextDecoder("utf-8", { fatal: true });

export function decodeUtf8Strict(bytes: Uint8Array): string | null {
  try {
    return strict.decode(bytes);
  } catch (error) {
    // Malformed input is reported as a TypeError; any other error is a real fault.
    if (error instanceof TypeError) return null;
    throw error;
  }
}

/**
 * The character of one UTF-8 sequence (bytes[from] … bytes[from + length - 1]),
 * or null unless those bytes are exactly one well-formed sequence: what
 * decodeUtf8Strict gives for them (a byte-order mark too decodes to
 * nothing), without a decoder call and a buffer per character.
 */
export function decodeUtf8Char(
  bytes: ArrayLike<number>,
  from = 0,
  length = bytes.length,
): string | null {
  const lead = bytes[from] ?? 0;
  const need =
    lead >= 0xc2 && lead <= 0xdf
      ? 2
      : lead >= 0xe0 && lead <= 0xef
        ? 3
        : lead >= 0xf0 && lead <= 0xf4
          ? 4
          : lead < 0x80
            ? 1
            : 0;
  if (need === 0 || need !== length) return null;
  if (need === 1) return String.fromCharCode(lead);
  let cp = lead & (0xff >> (need + 1));
  for (let k = 1; k < need; k++) {
    const b = bytes[from + k] ?? 0;
    // The second byte's range is narrower after E0, ED, F0, F4: no overlongs, surrogates or code points past U+10FFFF.
    let lo = 0x80;
    let hi = 0xbf;
    if (k === 1) {
      if (lead === 0xe0) lo = 0xa0;
      else if (lead === 0xf0) lo = 0x90;
      else if (lead === 0xed) hi = 0x9f;
      else if (lead === 0xf4) hi = 0x8f;
    }
    if (b < lo || b > hi) return null;
    cp = (cp << 6) | (b & 0x3f);
  }
  return cp === 0xfeff ? "" : String.fromCodePoint(cp);
}
