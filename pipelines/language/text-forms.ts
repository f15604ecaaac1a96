import type { Repair } from "../../shared/document.ts";

/**
 * Small text normalisations shared by the language stage: paragraph
 * splitting, full-width folding and comparison keys.
 */

/** Paragraphs as the normalize stage joins them ("\n\n"), trimmed, empty ones dropped. */
export function splitParagraphs(body: string): string[] {
  return body
    .split(/\n[ \t\u3000]*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph.length > 0);
}

/**
 * Full-width digits and Latin letters (U+FF10–FF19, FF21–FF3A, FF41–FF5A)
 * become ASCII so that `１７个单位` is found by a search for `17个单位`.
 * Full-width punctuation (，。：) is ordinary Chinese typography and stays.
 */
export function foldFullWidthAlnum(text: string): { text: string; count: number } {
  let count = 0;
  const folded = text.replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g, (char) => {
    count += 1;
    return String.fromCharCode(char.charCodeAt(0) - 0xfee0);
  });
  return { text: folded.normalize("NFC"), count };
}

/** The repair record for `count` folded characters, or none. */
export function fullWidthRepairs(count: number): Repair[] {
  return count === 0
    ? []
    : [{ kind: "fullwidth-alnum", count, detail: "full-width digits and Latin letters to ASCII" }];
}

/** A key for "is this the same line?": width-folded, case-folded, spacing and punctuation removed. */
export function comparisonKey(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, "");
}

/** Collapses the runs of ASCII, ideographic and tab spaces a layout leaves inside a line. */
export function tidyLine(text: string): string {
  // Most lines have single spaces only: replacing each with itself would copy the line.
  if (!/[\t\u3000]| {2}/.test(text)) return text.trim();
  return text.replace(/[ \t\u3000]+/g, " ").trim();
}
