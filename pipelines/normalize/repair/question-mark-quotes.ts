/**
 * Quotation marks and dashes that went through windows-1252 mojibake and
 * then through an encoder that writes "?" for what its code page lacks:
 * ’ (E2 80 99) read as windows-1252 is "â€™", and a Latin-1 column or file
 * has no € or ™, so "didn’t" is stored as "didnâ??t". The bytes are gone:
 * "â??" is E2 80 and one of 80–9F, U+2000–U+201F, the spaces, dashes and
 * quotation marks. Which one is told by where it stands, as for the Thai
 * path's marks (thai-quotes.ts): opening a word, closing one, inside one,
 * between spaces; between digits it is an en dash ("1990–2000").
 *
 * Only where the text proves the damage (proves(), or a euro sign beside an
 * amount): "didnâ??t", "â??Rare", "1990â??2000", " â?? ", "â?¬30". Then every
 * "â??" of the text is read, and the symbols whose last byte survived
 * ("â?¬30" is €30).
 */
import type { Repair } from "../../../shared/document.ts";
import { implausibility } from "./plausibility.ts";
import type { SpanRepair } from "./span-repair.ts";
import { pairQuotes } from "./thai-quotes.ts";

const damaged = /â\?[?¬¦¢]/g;
const euroAmount = /â\?¬ ?\d|\d ?â\?¬/;
const marks = ["’", "“", "”", "‘", "–", "—"];
const path = "utf-8 read as windows-1252, then “?” for what latin-1 lacks";

/**
 * Whether "â??" at start…end can only be damage: a letter, a digit, "¿" or
 * "¡" follows it (a real "??" ends a sentence), or it stands alone between
 * spaces (no language writes "â" as a word of its own).
 */
function proves(text: string, start: number, end: number): boolean {
  const after = text.charAt(end);
  if (/[\p{L}\p{N}¿¡]/u.test(after)) return true;
  return /^\s?$/.test(text.charAt(start - 1)) && /^\s?$/.test(after);
}

/**
 * The mark before pairQuotes decides by position: an en dash between digits
 * ("1990–2000"); an em dash between a word and the next ("belt—past",
 * "target—15%"), which pairQuotes turns into an apostrophe after an elided
 * article or before a contraction's ending ("O’Brien", "don’t"); else an
 * apostrophe, which it makes a quotation mark where one opens or closes.
 */
function firstGuess(before: string, after: string): string {
  if (/\d/.test(before) && /\d/.test(after)) return "–";
  if (/[\p{L}\p{N}]/u.test(before) && /[\p{L}\p{N}]/u.test(after)) return "—";
  return "’";
}

/**
 * The symbols whose last byte survives: "â?¬" is € (E2 82 AC), "â?¦" …
 * (E2 80 A6), "â?¢" ™ (E2 84 A2) after a word and • (E2 80 A2) elsewhere.
 */
function symbolOf(damage: string, before: string): string {
  if (damage === "â?¬") return "€";
  if (damage === "â?¦") return "…";
  return /[\p{L}\p{N}]/u.test(before) ? "™" : "•";
}

/** Text → text with "â??" read as the quotation mark or dash its position says, and the repair. */
export function repairQuestionMarkQuotes(
  text: string,
  explain?: SpanRepair[],
): { text: string; repairs: Repair[] } {
  if (!text.includes("â?")) return { text, repairs: [] };
  const all = [...text.matchAll(damaged)];
  const tokens = all
    .filter((m) => m[0] === "â??")
    .map((m) => ({ start: m.index, end: m.index + 3, candidates: marks }));
  // A euro sign beside an amount ("â?¬78", "78 â?¬") is proof enough.
  if (!euroAmount.test(text) && !tokens.some((t) => proves(text, t.start, t.end)))
    return { text, repairs: [] };
  const chosen = pairQuotes(
    text,
    tokens,
    tokens.map((t) => firstGuess(text.charAt(t.start - 1), text.charAt(t.end))),
  );
  const markAt = new Map(tokens.map((t, k) => [t.start, chosen[k] ?? "’"]));
  let out = "";
  let pos = 0;
  for (const m of all) {
    const t = { start: m.index, end: m.index + 3 };
    const mark = markAt.get(t.start) ?? symbolOf(m[0], text.charAt(t.start - 1));
    out += text.slice(pos, t.start) + mark;
    pos = t.end;
    if (explain) {
      const left = text.slice(Math.max(0, t.start - 12), t.start);
      const right = text.slice(t.end, t.end + 12);
      explain.push({
        before: `${left}${m[0]}${right}`,
        after: `${left}${mark}${right}`,
        path,
        scoreBefore: implausibility(`${left}${m[0]}${right}`),
        scoreAfter: implausibility(`${left}${mark}${right}`),
      });
    }
  }
  out += text.slice(pos);
  return { text: out, repairs: [{ kind: "mojibake", count: all.length, detail: path }] };
}
