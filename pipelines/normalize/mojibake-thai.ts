/**
 * UTF-8 decoded as ISO-8859-11 (or Windows-874) with the bytes 0x80–0x9F lost
 * — seed 003: "Group’s" → "Groupโs", "m³" → "mยณ". Each damaged character
 * is a Thai "lead" letter followed by the continuation bytes that survived;
 * the lost bytes are inferred by looking up every character of the model's
 * vocabulary with that damaged form and scoring the candidates in context.
 *
 * Evidence before repair: nearly every Thai character in the text must parse
 * as such a damaged UTF-8 sequence with a plausible candidate. Real Thai text
 * fails that at once (vowels after consonants are orphan "continuations",
 * common letters such as ม are bytes no UTF-8 sequence starts with), so it is
 * returned untouched.
 */
import type { Repair } from "../../shared/document.ts";
import { type CharModel, charModel } from "./char-model.ts";
import { bestChoice, type Slot } from "./candidate-search.ts";
import {
  byteOfThaiChar,
  continuationsNeeded,
  damagedForm,
  isThaiBlock,
} from "./thai-code-page.ts";
import { decodeUtf8Strict } from "./utf8.ts";

interface Token {
  start: number;
  end: number;
  candidates: string[];
}

let candidateIndex: Map<string, string[]> | null = null;

function indexOf(model: CharModel): Map<string, string[]> {
  if (candidateIndex) return candidateIndex;
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
  candidateIndex = index;
  return index;
}

function isContinuation(ch: string): boolean {
  const b = byteOfThaiChar(ch);
  return b !== undefined && b >= 0x80 && b < 0xc0;
}

interface Scan {
  tokens: Token[];
  thaiChars: number;
  badChars: number;
}

function scan(text: string, index: Map<string, string[]>): Scan {
  const tokens: Token[] = [];
  let thaiChars = 0;
  let badChars = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (!isThaiBlock(code)) continue;
    const ch = text.charAt(i);
    const need = continuationsNeeded(byteOfThaiChar(ch) ?? 0);
    if (need === 0) {
      thaiChars++;
      badChars++;
      continue;
    }
    let j = i + 1;
    const bytes = [byteOfThaiChar(ch) ?? 0];
    while (j < text.length && j - i - 1 < need && isContinuation(text.charAt(j))) {
      bytes.push(byteOfThaiChar(text.charAt(j)) ?? 0);
      j++;
    }
    const token = text.slice(i, j);
    const length = [...token].filter((c) => isThaiBlock(c.charCodeAt(0))).length;
    thaiChars += length;
    let candidates = index.get(token) ?? [];
    if (candidates.length === 0 && bytes.length === need + 1) {
      // Nothing was lost: the bytes decode on their own even if the model never saw the character.
      const decoded = decodeUtf8Strict(Uint8Array.from(bytes));
      if (decoded !== null) candidates = [decoded];
    }
    if (candidates.length === 0) badChars += length;
    else tokens.push({ start: i, end: j, candidates });
    i = j - 1;
  }
  return { tokens, thaiChars, badChars };
}

export function repairThaiMojibake(text: string): { text: string; repairs: Repair[] } {
  if (!/[\u0E01-\u0E5B]/.test(text)) return { text, repairs: [] };
  const model = charModel();
  const { tokens, thaiChars, badChars } = scan(text, indexOf(model));
  const goodChars = thaiChars - badChars;
  if (tokens.length === 0 || goodChars < 0.9 * thaiChars) return { text, repairs: [] };

  let out = "";
  let pos = 0;
  let lossy = 0;
  for (let t = 0; t < tokens.length; ) {
    // Tokens closer than two characters share context and are decided together.
    let u = t;
    while (u + 1 < tokens.length && (tokens[u + 1]?.start ?? 0) - (tokens[u]?.end ?? 0) < 2) u++;
    const group = tokens.slice(t, u + 1);
    const first = group[0];
    const last = group[group.length - 1];
    if (!first || !last) break;
    const slots: Slot[] = [];
    group.forEach((tok, k) => {
      slots.push(tok.candidates);
      const nextStart = group[k + 1]?.start ?? Math.min(text.length, tok.end + 2);
      for (let p = tok.end; p < nextStart; p++) slots.push(text.charAt(p));
    });
    const picks =
      group.every((g) => g.candidates.length === 1)
        ? group.map((g) => g.candidates[0] ?? "")
        : bestChoice(model, text.slice(Math.max(0, first.start - 2), first.start), slots);
    for (const [k, tok] of group.entries()) {
      out += text.slice(pos, tok.start) + (picks[k] ?? text.slice(tok.start, tok.end));
      pos = tok.end;
      if (tok.candidates.length > 1) lossy++;
    }
    t = u + 1;
  }
  out += text.slice(pos);

  const repairs: Repair[] = [
    {
      kind: "mojibake",
      count: tokens.length,
      detail: `utf-8 read as iso-8859-11, C1 bytes dropped; ${lossy} characters inferred from context`,
    },
  ];
  if (badChars > 0) {
    repairs.push({
      kind: "mojibake-unrecoverable",
      count: badChars,
      detail: "characters of the iso-8859-11 damage left as found",
    });
  }
  return { text: out, repairs };
}
