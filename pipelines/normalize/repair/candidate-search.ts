/**
 * Chooses, for a run of damaged positions, the characters that make the text
 * most probable under the character model: a beam search over trigram states
 * (a Viterbi search with the state space cut to the best few), so adjacent
 * damaged characters (a Chinese phrase, "”—") are decided together.
 */
import { type CharModel, symbolOf } from "./char-model.ts";

/** A fixed character, or the candidates for a damaged one. */
export type Slot = string | string[];

/** Picks are a linked list back to the start: extending a hypothesis copies nothing. */
interface Pick {
  ch: string;
  prev: Pick | null;
}

interface Hypothesis {
  s2: string;
  s1: string;
  score: number;
  picks: Pick | null;
}

const beamWidth = 16;

/** A scored extension, made into a hypothesis only if it is kept. */
interface Extension {
  from: Hypothesis;
  k: number;
  score: number;
}

/**
 * The best `width` extensions of the beam by one slot of candidates, best
 * first; among extensions ending in the same two symbols only the best
 * (the first met, on a tie). Only the kept ones become hypotheses: a slot
 * can have a hundred candidates, the beam keeps a few.
 */
function extend(
  beam: Hypothesis[],
  slot: string[],
  symbols: string[],
  biases: number[],
  width: number,
  model: CharModel,
): Hypothesis[] {
  const all: Extension[] = [];
  // Two extensions collide only when they end in the same two symbols: with
  // one hypothesis and distinct candidate symbols, none can.
  const merge = beam.length > 1 || new Set(symbols).size < symbols.length;
  const byKey = merge ? new Map<string, Extension>() : null;
  for (const h of beam) {
    const logProb = model.scorer(h.s2, h.s1);
    for (let k = 0; k < slot.length; k++) {
      const score = h.score + logProb(symbols[k] ?? "") + (biases[k] ?? 0);
      if (!byKey) {
        all.push({ from: h, k, score });
        continue;
      }
      const key = h.s1 + symbols[k];
      const prev = byKey.get(key);
      if (!prev) {
        const e = { from: h, k, score };
        byKey.set(key, e);
        all.push(e);
      } else if (prev.score < score) {
        prev.from = h;
        prev.k = k;
        prev.score = score;
      }
    }
  }
  // The best `width`, in order; among equal scores the earlier first (a stable sort's order).
  const top: Extension[] = [];
  for (const e of all) {
    let at = top.length;
    while (at > 0 && (top[at - 1]?.score ?? 0) < e.score) at--;
    if (at >= width) continue;
    top.splice(at, 0, e);
    if (top.length > width) top.pop();
  }
  return top.map(({ from, k, score }) => ({
    s2: from.s1,
    s1: symbols[k] ?? "",
    score,
    picks: { ch: slot[k] ?? "", prev: from.picks },
  }));
}

/**
 * `before` is the (at most two) characters preceding the slots; the slots
 * end with the fixed characters that follow the last damaged one. `bias`
 * adds what the caller knows beyond the model's reach (an open quotation).
 */
export function bestChoice(
  model: CharModel,
  before: string,
  slots: Slot[],
  bias: (candidate: string) => number = () => 0,
): string[] {
  const ctx = [...before].map(symbolOf);
  let beam: Hypothesis[] = [
    { s2: ctx[ctx.length - 2] ?? " ", s1: ctx[ctx.length - 1] ?? " ", score: 0, picks: null },
  ];
  for (const slot of slots) {
    if (typeof slot === "string") {
      const s = symbolOf(slot);
      for (const h of beam) {
        h.score += model.logProb(h.s2, h.s1, s);
        h.s2 = h.s1;
        h.s1 = s;
      }
      // Two fixed characters in a row put every hypothesis in the same state:
      // only the best can still win (Viterbi), so the rest of a long fixed
      // stretch costs one hypothesis, not a beam.
      if (beam.length > 1 && beam.every((h) => h.s2 === beam[0]?.s2 && h.s1 === beam[0]?.s1))
        beam = [beam.reduce((a, b) => (b.score > a.score ? b : a))];
      continue;
    }
    // Hypotheses that end in the same two symbols compete: only the best survives (Viterbi).
    const symbols = slot.map(symbolOf);
    const biases = slot.map(bias);
    // Wide candidate sets (a Han character with two bytes lost) get a narrower
    // beam: the work per position stays bounded, at little cost in accuracy.
    const width = Math.max(4, Math.min(beamWidth, Math.floor(256 / slot.length)));
    beam = extend(beam, slot, symbols, biases, width, model);
  }
  const best = beam.reduce((a, b) => (b.score > a.score ? b : a));
  const picks: string[] = [];
  for (let p = best.picks; p; p = p.prev) picks.push(p.ch);
  return picks.reverse();
}
