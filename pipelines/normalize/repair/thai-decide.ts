/**
 * Chooses a character for every damaged token (thai-scan.ts). Tokens closer
 * than two characters share context and are decided together. English-like
 * groups (punctuation between Latin letters) go to the character model's
 * beam search, a lost Latin-1 letter narrowed first by its case and the
 * document's own letters (thai-latin-letters.ts); groups of Han candidates
 * to the word lattice, whose choice of punctuation, which no dictionary
 * word covers, is then redone by the character model in the context the
 * lattice settled. Last, separators the
 * damage leaves indistinguishable (、 and 。) are chosen again with the
 * rhythm of the segments around them (thai-separators.ts), after quotes
 * and dashes are paired by position (thai-quotes.ts).
 */

import { hanChar } from "../../../shared/text/han.ts";
import { bestChoice, type Slot } from "./candidate-search.ts";
import type { CharModel } from "./char-model.ts";
import { type LetterNarrowing, narrowLatinLetters } from "./thai-latin-letters.ts";
import { pairQuotes } from "./thai-quotes.ts";
import type { ThaiToken } from "./thai-scan.ts";
import { rebalanceSeparators } from "./thai-separators.ts";
import { bestWordPath } from "./word-lattice.ts";

function groups(tokens: ThaiToken[]): ThaiToken[][] {
  const out: ThaiToken[][] = [];
  for (const tok of tokens) {
    const last = out[out.length - 1];
    const prev = last?.[last.length - 1];
    if (last && prev && tok.start - prev.end < 2) last.push(tok);
    else out.push([tok]);
  }
  return out;
}

/**
 * Quotation marks pair up, which no trigram can see across a quoted phrase:
 * while a “ is open in the paragraph, ” is likelier and another “ less so.
 */
const quoteBias = 2;

function quoteState(open: boolean, chosen: string): boolean {
  let state = open;
  for (const ch of chosen) {
    if (ch === "“") state = true;
    else if (ch === "”") state = false;
  }
  return state;
}

function decideLatin(
  text: string,
  model: CharModel,
  group: ThaiToken[],
  open: boolean,
  narrow: LetterNarrowing,
): string[] {
  if (group.every((g) => g.candidates.length === 1)) return group.map((g) => g.candidates[0] ?? "");
  const slots: Slot[] = [];
  group.forEach((tok, k) => {
    slots.push(narrow(tok));
    const nextStart = group[k + 1]?.start ?? Math.min(text.length, tok.end + 2);
    for (let p = tok.end; p < nextStart; p++) slots.push(text.charAt(p));
  });
  const first = group[0]?.start ?? 0;
  const bias = (c: string) => {
    if (c === "”") return open ? quoteBias : -quoteBias;
    if (c === "“") return open ? -quoteBias : 0;
    return 0;
  };
  return bestChoice(model, text.slice(Math.max(0, first - 2), first), slots, bias);
}

function decideHan(text: string, model: CharModel, group: ThaiToken[]): string[] {
  // The lattice spans the group: tokens and the fixed characters between them.
  const slots: string[][] = [];
  const forms: string[] = [];
  const tokenSlot: number[] = [];
  group.forEach((tok, k) => {
    tokenSlot.push(slots.length);
    slots.push(tok.candidates);
    forms.push(text.slice(tok.start, tok.end));
    const nextStart = group[k + 1]?.start ?? tok.end;
    for (let p = tok.end; p < nextStart; p++) {
      slots.push([text.charAt(p)]);
      forms.push(text.charAt(p));
    }
  });
  const path = bestWordPath(slots, forms, text.charAt((group[0]?.start ?? 0) - 1));
  return group.map((tok, k) => {
    const at = tokenSlot[k] ?? 0;
    const pick = path[at] ?? tok.candidates[0] ?? "";
    if (hanChar.test(pick) || tok.candidates.length === 1) return pick;
    const before =
      at >= 2
        ? `${path[at - 2]}${path[at - 1]}`
        : text.slice(Math.max(0, tok.start - 2), tok.start);
    const after = [path[at + 1] ?? text.charAt(tok.end), path[at + 2] ?? ""].filter(
      (c) => c !== "",
    );
    return bestChoice(model, before, [tok.candidates, ...after])[0] ?? pick;
  });
}

export function decideTokens(text: string, model: CharModel, tokens: ThaiToken[]): string[] {
  const picks: string[] = [];
  const narrow = narrowLatinLetters(text, tokens);
  let open = false;
  let pos = 0;
  for (const group of groups(tokens)) {
    // A new paragraph closes whatever quotation was left open.
    if (text.slice(pos, group[0]?.start ?? pos).includes("\n")) open = false;
    const isHan = group.some((g) => hanChar.test(g.candidates[0] ?? ""));
    const chosen = isHan
      ? decideHan(text, model, group)
      : decideLatin(text, model, group, open, narrow);
    open = quoteState(open, chosen.join(""));
    pos = group[group.length - 1]?.end ?? pos;
    picks.push(...chosen);
  }
  return rebalanceSeparators(text, model, tokens, pairQuotes(text, tokens, picks));
}
