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
    const next = new Map<string, Hypothesis>();
    const symbols = slot.map(symbolOf);
    const biases = slot.map(bias);
    for (const h of beam) {
      const logProb = model.scorer(h.s2, h.s1);
      for (let k = 0; k < slot.length; k++) {
        const c = slot[k] ?? "";
        const s = symbols[k] ?? "";
        const score = h.score + logProb(s) + (biases[k] ?? 0);
        const key = h.s1 + s;
        const prev = next.get(key);
        if (!prev || prev.score < score) {
          next.set(key, { s2: h.s1, s1: s, score, picks: { ch: c, prev: h.picks } });
        }
      }
    }
    // Wide candidate sets (a Han character with two bytes lost) get a narrower
    // beam: the work per position stays bounded, at little cost in accuracy.
    const width = Math.max(4, Math.min(beamWidth, Math.floor(256 / slot.length)));
    beam = [...next.values()].sort((a, b) => b.score - a.score).slice(0, width);
  }
  const best = beam.reduce((a, b) => (b.score > a.score ? b : a));
  const picks: string[] = [];
  for (let p = best.picks; p; p = p.prev) picks.push(p.ch);
  return picks.reverse();
}
