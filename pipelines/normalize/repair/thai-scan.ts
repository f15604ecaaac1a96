/**
 * Parses text for UTF-8 damaged by a Thai code page: each damaged character
 * is a Thai "lead" (a UTF-8 lead byte) followed by the continuation bytes
 * that survived. Runs of Thai characters are parsed whole; a run with a
 * character that cannot be part of such a sequence (a continuation with no
 * lead, a byte UTF-8 never uses) is not mojibake of this kind.
 */
import type { CharModel } from "./char-model.ts";
import { byteOfThaiChar, continuationsNeeded, damagedForm, isThaiBlock } from "./thai-code-page.ts";
import { decodeUtf8Strict } from "./utf8.ts";

export interface ThaiToken {
  start: number;
  end: number;
  /** The characters this token may have been, likeliest first. */
  candidates: string[];
}

export interface ThaiRun {
  start: number;
  end: number;
  tokens: ThaiToken[];
  /** Every character belongs to a token with at least one candidate. */
  parseable: boolean;
  thaiChars: number;
}

const maxCandidates = 128;
const indexes = new WeakMap<CharModel, Map<string, string[]>>();

/** Damaged form → the characters of the model's vocabulary that have it. */
export function candidateIndex(model: CharModel): Map<string, string[]> {
  const cached = indexes.get(model);
  if (cached) return cached;
  const index = new Map<string, string[]>();
  for (const ch of model.vocabulary()) {
    if ((ch.codePointAt(0) ?? 0) < 0x80) continue;
    for (const variant of ["iso-8859-11", "windows-874"] as const) {
      const key = damagedForm(ch, variant);
      if (!isThaiBlock(key.charCodeAt(0))) continue;
      const list = index.get(key) ?? [];
      if (!list.includes(ch)) list.push(ch);
      index.set(key, list);
    }
  }
  // Likeliest first, and only so many: past a hundred or so, a candidate is too
  // rare for the model to choose it with any confidence.
  for (const [key, list] of index) {
    index.set(key, list.sort((a, b) => model.count(b) - model.count(a)).slice(0, maxCandidates));
  }
  indexes.set(model, index);
  return index;
}

function isContinuation(ch: string): boolean {
  const b = byteOfThaiChar(ch);
  return b !== undefined && b >= 0x80 && b < 0xc0;
}

function readToken(text: string, i: number, index: Map<string, string[]>): ThaiToken | null {
  const lead = byteOfThaiChar(text.charAt(i)) ?? 0;
  const need = continuationsNeeded(lead);
  if (need === 0) return null;
  const bytes = [lead];
  let j = i + 1;
  while (j < text.length && bytes.length <= need && isContinuation(text.charAt(j))) {
    bytes.push(byteOfThaiChar(text.charAt(j)) ?? 0);
    j++;
  }
  let candidates = index.get(text.slice(i, j)) ?? [];
  if (candidates.length === 0 && bytes.length === need + 1) {
    // Nothing was lost: the bytes decode even if the model never saw the character.
    const decoded = decodeUtf8Strict(Uint8Array.from(bytes));
    if (decoded !== null) candidates = [decoded];
  }
  return { start: i, end: j, candidates };
}

export function scanThaiRuns(text: string, index: Map<string, string[]>): ThaiRun[] {
  const runs: ThaiRun[] = [];
  let run: ThaiRun | null = null;
  for (let i = 0; i < text.length; ) {
    if (!isThaiBlock(text.charCodeAt(i))) {
      run = null;
      i++;
      continue;
    }
    if (!run) {
      run = { start: i, end: i, tokens: [], parseable: true, thaiChars: 0 };
      runs.push(run);
    }
    const token = readToken(text, i, index);
    const end = token ? token.end : i + 1;
    for (let p = i; p < end; p++) if (isThaiBlock(text.charCodeAt(p))) run.thaiChars++;
    if (token && token.candidates.length > 0) run.tokens.push(token);
    else run.parseable = false;
    run.end = end;
    i = end;
  }
  return runs;
}
