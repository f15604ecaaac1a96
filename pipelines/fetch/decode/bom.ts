/**
 * Byte-order marks, the strongest evidence a file carries. UTF-32LE's mark
 * begins with UTF-16LE's (FF FE), so it is tested first.
 */

/** Bytes → the charset their byte-order mark names and the mark's length, or null. */
export function bomCharset(bytes: Uint8Array): { charset: string; length: number } | null {
  const [b0, b1, b2, b3] = bytes;
  if (b0 === 0xff && b1 === 0xfe && b2 === 0 && b3 === 0) return { charset: "utf-32le", length: 4 };
  if (b0 === 0 && b1 === 0 && b2 === 0xfe && b3 === 0xff) return { charset: "utf-32be", length: 4 };
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return { charset: "utf-8", length: 3 };
  if (b0 === 0xfe && b1 === 0xff) return { charset: "utf-16be", length: 2 };
  if (b0 === 0xff && b1 === 0xfe) return { charset: "utf-16le", length: 2 };
  return null;
}
