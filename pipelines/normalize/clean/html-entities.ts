/**
 * HTML character references left in text that is not markup: a feed that
 * escaped its titles twice ("Rare Earths &amp;amp; Magnets" arrives as
 * "&amp;"), a plain-text export of a CMS ("caf&eacute;", "&#8220;Nd&#8221;").
 * They are decoded as a browser would (the `entities` package, which
 * cheerio's parser uses), before the mojibake repair: "caf&Atilde;&copy;" is
 * mojibake once decoded.
 *
 * Python ftfy's rule decides when: text with a "<" in it may be markup or
 * code shown as text, and is left alone. Only complete references are read
 * (with their semicolon: "AT&T" and "&copy2024" stay), and never one that
 * stands for a control character or a line break (the repair steps keep
 * the lines of the text as they are) or that a browser would show as U+FFFD
 * ("&#0;", a lone surrogate): the reference says more than the mark.
 */
import { decodeHTMLStrict } from "entities";
import type { Repair } from "../../../shared/document.ts";

const reference = /&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
const refused = /[\u0000-\u001F\u007F-\u009F\u2028\u2029\uFFFD]/;

/** Text → text with its HTML character references decoded, and the count as a repair. */
export function unescapeHtmlEntities(text: string): { text: string; repairs: Repair[] } {
  if (!text.includes("&") || text.includes("<")) return { text, repairs: [] };
  let count = 0;
  const out = text.replace(reference, (ref) => {
    const decoded = decodeHTMLStrict(ref);
    // An unknown name decodes to itself.
    if (decoded === ref || refused.test(decoded)) return ref;
    count++;
    return decoded;
  });
  if (count === 0) return { text, repairs: [] };
  return {
    text: out,
    repairs: [{ kind: "html-entities", count, detail: "character references decoded" }],
  };
}
