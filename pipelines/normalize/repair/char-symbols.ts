/**
 * The alphabet of the character model. Upper-case letters, digits and
 * whitespace are folded to one symbol each; lower-case letters keep their
 * identity but back off to a class; everything else (punctuation, symbols,
 * Han) is itself. So the model learns typography ("“The", "word—word",
 * "2020–2025") and the spelling around it ("’s", "n’t") from little text.
 */

/** The class every lower-case letter backs off to; never a character of real text. */
export const lowerClass = "\u0001";

export function symbolOf(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code < 0x80) {
    if (code >= 0x41 && code <= 0x5a) return "A";
    if (code >= 0x30 && code <= 0x39) return "0";
    if (code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d) return " ";
  }
  return ch;
}

export function isLetter(symbol: string): boolean {
  const code = symbol.charCodeAt(0);
  return symbol.length === 1 && code >= 0x61 && code <= 0x7a;
}

/** The back-off class of a symbol: lower-case letters share one, all else is itself. */
export function fold(symbol: string): string {
  return isLetter(symbol) ? lowerClass : symbol;
}

export function isApostrophe(symbol: string): boolean {
  return symbol === "’" || symbol === "ʼ";
}

/**
 * The context of the class trigram. The nearer symbol is always itself
 * ("m" before "³", "’" before "s"); the farther is folded unless it stands
 * next to a non-ASCII symbol, where the letter matters: "s’" is followed by a
 * space ("companies’ "), "n’" by "t".
 */
export function trigramContext(s2: string, s1: string): string {
  return (s1.charCodeAt(0) >= 0x80 ? s2 : fold(s2)) + s1;
}
