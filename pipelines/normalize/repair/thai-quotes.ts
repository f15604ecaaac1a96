/**
 * Quotation marks and dashes through the lossy Thai path (UTF-8 read as
 * ISO-8859-11 with the C1 bytes dropped): “ ” ‘ ’ – — all lose both their
 * last bytes and come out as the same "โ", so only context tells them
 * apart (as after a "?"-writing encoder: question-mark-quotes.ts), and a
 * character trigram sees too little of it to keep quotes in pairs. This
 * pass decides each such token by where it stands (opening a word after a
 * space, closing one before a space, inside a word, between spaces) and by
 * which quotation is open in the paragraph, so a “ is closed by ” and an
 * opening quote is never taken for a dash.
 */
import type { ThaiToken } from "./thai-scan.ts";

const marks = new Set(["“", "”", "‘", "’", "–", "—"]);
const opening = /[\s([{<«—–/]/;
// Latin words only: Chinese quotation marks stand between Han characters and follow other rules.
const wordChar = /[A-Za-z0-9\u00C0-\u024F]/;
const closingAfter = /[\s.,;:!?)\]}>»…—–]/;
/** What may follow an opening mark: a word, or Spanish "¿" and "¡" before one. */
const wordStart = /[A-Za-z0-9\u00C0-\u024F¿¡]/;
/** A word of one letter, "qu" or "dell", "dall", "nell", "sull", "all", "un" before the mark: an elision. */
const elidedBefore =
  /(?:^|[^A-Za-z\u00C0-\u024F])(?:[A-Za-z]|[Qq]u|[DdNnSs]ell|[Dd]all|[Aa]ll|[Uu]n)$/;
/** The endings of English contractions and possessives after the mark. */
const contractionAfter = /^(?:s|t|re|ll|ve|d|m)(?![A-Za-z])/;
/** A decade with its century elided ("’90s"): the mark before it is an apostrophe, not a quote. */
const decadeAfter = /^\d0s(?![A-Za-z])/;

/** Picks for the tokens → picks with quotes paired and dashes told from quotes by position. */
export function pairQuotes(text: string, tokens: ThaiToken[], picks: string[]): string[] {
  const pickAt = new Map<number, string>();
  const endAt = new Map<number, string>();
  tokens.forEach((tok, k) => {
    pickAt.set(tok.start, picks[k] ?? "");
    endAt.set(tok.end, picks[k] ?? "");
  });
  const charBefore = (pos: number) => endAt.get(pos)?.slice(-1) ?? text.charAt(pos - 1);
  const charAfter = (pos: number) => pickAt.get(pos)?.charAt(0) ?? text.charAt(pos);

  const out = [...picks];
  // Open quotations in the paragraph, innermost last.
  const open: string[] = [];
  let lastEnd = 0;
  tokens.forEach((tok, k) => {
    if (text.slice(lastEnd, tok.start).includes("\n")) open.length = 0;
    lastEnd = tok.end;
    const pick = out[k] ?? "";
    if (!marks.has(pick)) return;
    const options = tok.candidates.filter((c) => marks.has(c));
    if (options.length < 2) return;
    const before = charBefore(tok.start);
    const after = charAfter(tok.end);
    const starts = (before === "" || opening.test(before)) && wordStart.test(after);
    const ends =
      (wordChar.test(before) || /[.,!?…]/.test(before)) &&
      (after === "" || closingAfter.test(after));
    const inside = wordChar.test(before) && wordChar.test(after);
    let choice = pick;
    if (starts && decadeAfter.test(text.slice(tok.end, tok.end + 4))) {
      choice = options.includes("’") ? "’" : pick;
    } else if (starts) {
      const inner = open[open.length - 1] === "“" ? "‘" : "“";
      choice = options.includes(inner) ? inner : pick;
      open.push(choice);
    } else if (ends) {
      const innermost = open[open.length - 1];
      if (innermost === "“" && options.includes("”")) choice = "”";
      else if (innermost === "‘" && options.includes("’")) choice = "’";
      else if (pick === "“" || pick === "‘") choice = options.includes("’") ? "’" : pick;
      if (choice === "”" || choice === "’") open.pop();
    } else if (inside) {
      // Inside a word: an apostrophe or a dash, never an opening quote; an
      // apostrophe after an elided article or before a contraction's ending
      // ("C’est", "l’une", "dell’anno", "don’t", "we’re").
      const elision = elidedBefore.test(text.slice(Math.max(0, tok.start - 5), tok.start));
      const contraction = contractionAfter.test(text.slice(tok.end, tok.end + 4));
      if (pick === "“" || pick === "‘" || pick === "”" || elision || contraction)
        choice = options.includes("’") ? "’" : pick;
    } else if (/\s/.test(before) && /\s/.test(after)) {
      // Between spaces: a dash, never a quote.
      if (!(pick === "–" || pick === "—")) choice = options.includes("—") ? "—" : pick;
    }
    out[k] = choice;
  });
  return out;
}
