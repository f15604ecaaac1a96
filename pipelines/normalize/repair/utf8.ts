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
