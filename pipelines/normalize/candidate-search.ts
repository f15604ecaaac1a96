/**
 * Chooses, for a run of damaged positions, the characters that make the text
 * most probable under the character model: a beam search over trigram states
 * (a Viterbi search with the state space cut to the best few), so adjacent
 * damaged characters (a Chinese phrase, "”—") are decided together.
 */
import { type CharModel, symbolOf } from "./char-model.ts";

/** A fixed character, or the candidates for a damaged one. */
export type Slot = string | string[];

interface Hypothesis {
  s2: string;
  s1: string;
  score: number;
  picks: string[];
}

const beamWidth = 40;

/**
 * `before` is the (at most two) characters preceding the slots; the slots
 * end with the fixed characters that follow the last damaged one.
 */
export function bestChoice(model: CharModel, before: string, slots: Slot[]): string[] {
  const ctx = [...before].map(symbolOf);
  let beam: Hypothesis[] = [
    { s2: ctx[ctx.length - 2] ?? " ", s1: ctx[ctx.length - 1] ?? " ", score: 0, picks: [] },
  ];
  for (const slot of slots) {
    if (typeof slot === "string") {
      const s = symbolOf(slot);
      for (const h of beam) {
        h.score += model.logProb(h.s2, h.s1, s);
        h.s2 = h.s1;
        h.s1 = s;
      }
      continue;
    }
    const next = new Map<string, Hypothesis>();
    for (const h of beam) {
      for (const c of slot) {
        const s = symbolOf(c);
        const score = h.score + model.logProb(h.s2, h.s1, s);
        const key = `${h.s1}\u0000${s}`;
        const prev = next.get(key);
        if (!prev || prev.score < score) next.set(key, { s2: h.s1, s1: s, score, picks: [...h.picks, c] });
      }
    }
    beam = [...next.values()].sort((a, b) => b.score - a.score).slice(0, beamWidth);
  }
  const best = beam.reduce((a, b) => (b.score > a.score ? b : a));
  return best.picks;
}
