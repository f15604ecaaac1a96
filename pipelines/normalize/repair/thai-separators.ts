/**
 * A last pass over the decided tokens (thai-decide.ts): where a damaged
 * token became a Chinese separator that the damage cannot tell from others
 * (、 or 。, ， or ； or ：), the choice between those separators is made
 * again with the rhythm of the segments around it (han-punct.ts) added to
 * the character trigram. Left to right, so each choice sees the ones before.
 */
import { type CharModel, symbolOf } from "./char-model.ts";
import { hanPunct, paragraphStart, separators } from "./han-punct.ts";
import type { ThaiToken } from "./thai-scan.ts";

/** Weight of the rhythm against the character trigram. */
const rhythmWeight = 4;

function trigramScore(model: CharModel, out: string[], at: number, mark: string): number {
  const s = (i: number) => (i === at ? symbolOf(mark) : symbolOf(out[i] ?? " "));
  let score = 0;
  for (let i = at; i <= at + 2 && i < out.length; i++)
    score += model.logProb(s(i - 2), s(i - 1), s(i));
  return score;
}

/** The previous separator (or paragraph start) and the characters since it. */
function segmentBefore(out: string[], at: number): { previous: string; length: number } {
  let length = 0;
  for (let i = at - 1; i >= 0; i--) {
    const ch = out[i] ?? "";
    if (ch === "\n") return { previous: paragraphStart, length };
    if (separators.has(ch)) return { previous: ch, length };
    if (!/\s/.test(ch)) length++;
  }
  return { previous: paragraphStart, length };
}

function segmentAfter(out: string[], at: number): number {
  let length = 0;
  for (let i = at + 1; i < out.length; i++) {
    const ch = out[i] ?? "";
    if (ch === "\n" || separators.has(ch)) break;
    if (!/\s/.test(ch)) length++;
  }
  return length;
}

export function rebalanceSeparators(
  text: string,
  model: CharModel,
  tokens: ThaiToken[],
  picks: string[],
): string[] {
  if (!picks.some((pick) => separators.has(pick))) return picks;
  // The text as decided, one code point per element. Pushed one by one: a
  // spread of a long stretch (`push(...text)`) overflows the call stack.
  const out: string[] = [];
  const at: number[] = [];
  const copy = (from: number, to: number) => {
    for (const ch of text.slice(from, to)) out.push(ch);
  };
  let pos = 0;
  tokens.forEach((tok, k) => {
    copy(pos, tok.start);
    at.push(out.length);
    out.push(picks[k] ?? "");
    pos = tok.end;
  });
  copy(pos, text.length);

  const rhythm = hanPunct();
  return picks.map((pick, k) => {
    const tok = tokens[k];
    const i = at[k] ?? 0;
    if (!tok || !separators.has(pick)) return pick;
    const rivals = tok.candidates.filter((c) => separators.has(c));
    if (rivals.length < 2) return pick;
    const { previous, length } = segmentBefore(out, i);
    const after = segmentAfter(out, i);
    let best = pick;
    let bestScore = Number.NEGATIVE_INFINITY;
    for (const mark of rivals) {
      const score =
        trigramScore(model, out, i, mark) +
        rhythmWeight * rhythm.score(mark, previous, length, after);
      if (score > bestScore) {
        best = mark;
        bestScore = score;
      }
    }
    out[i] = best;
    return best;
  });
}
