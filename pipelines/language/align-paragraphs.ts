/**
 * Paragraph alignment after Gale & Church (1993, "A Program for Aligning
 * Sentences in Bilingual Corpora"): dynamic programming over 1-1, 1-0, 0-1,
 * 2-1, 1-2 and 2-2 beads, each costed by how far the length ratio strays
 * from the document's own ratio, plus a bonus for anchors (numbers, names)
 * that both sides of a bead share.
 */
import { anchorSimilarity, anchorsOf, unmatchedAnchors } from "./anchors.ts";
import { profileScripts } from "./script-profile.ts";

/** Bead priors from Gale & Church, table 5. */
const BEADS: ReadonlyArray<readonly [number, number, number]> = [
  [1, 1, 0.89],
  [1, 0, 0.0099 / 2],
  [0, 1, 0.0099 / 2],
  [2, 1, 0.089 / 2],
  [1, 2, 0.089 / 2],
  [2, 2, 0.011],
];
/** Variance of the length difference per unit of length (Gale & Church's s² = 6.8). */
const VARIANCE = 6.8;
/** Most a paragraph without counterpart pays for its length (see beadCost). */
const UNPAIRED_LENGTH_COST = 2;
/** How much a perfect anchor match is worth, in the same -log probability units. */
const ANCHOR_WEIGHT = 4;
/** Cost of each number or name one side of a bead has and the other lacks, up to MAX_MISMATCH_PENALTY. */
const MISMATCH_PENALTY = 2;
const MAX_MISMATCH_PENALTY = 4;

interface Side {
  /** prefix[k] = total length of the first k paragraphs. */
  prefix: number[];
  /** spans[c - 1][k] = anchors of paragraphs k … k + c − 1, for the bead sizes 1 and 2. */
  spans: [Array<Set<string>>, Array<Set<string>>];
}

/** Pairs [index in a, index in b]; a 2-1 bead yields two pairs. */
export function alignParagraphs(
  a: readonly string[],
  b: readonly string[],
): Array<[number, number]> {
  if (a.length === 0 || b.length === 0) return [];
  const left = sideOf(a);
  const right = sideOf(b);
  const ratio = (right.prefix.at(-1) ?? 0) / Math.max(1, left.prefix.at(-1) ?? 0);

  const rows = a.length + 1;
  const cols = b.length + 1;
  const cost: number[] = new Array<number>(rows * cols).fill(Number.POSITIVE_INFINITY);
  const back: number[] = new Array<number>(rows * cols).fill(-1);
  cost[0] = 0;
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const here = cost[i * cols + j] ?? Number.POSITIVE_INFINITY;
      if (!Number.isFinite(here)) continue;
      BEADS.forEach(([di, dj, prior], bead) => {
        if (i + di >= rows || j + dj >= cols) return;
        const step = beadCost(left, right, i, j, di, dj, prior, ratio);
        const target = (i + di) * cols + (j + dj);
        if (here + step < (cost[target] ?? Number.POSITIVE_INFINITY)) {
          cost[target] = here + step;
          back[target] = bead;
        }
      });
    }
  }
  return traceBack(back, a.length, b.length, cols);
}

function traceBack(
  back: readonly number[],
  n: number,
  m: number,
  cols: number,
): Array<[number, number]> {
  const pairs: Array<[number, number]> = [];
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    const bead = BEADS[back[i * cols + j] ?? -1];
    if (bead === undefined) break;
    const [di, dj] = bead;
    for (let x = di - 1; x >= 0; x--)
      for (let y = dj - 1; y >= 0; y--) pairs.push([i - di + x, j - dj + y]);
    i -= di;
    j -= dj;
  }
  return pairs.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
}

function sideOf(paragraphs: readonly string[]): Side {
  const prefix = [0];
  for (const paragraph of paragraphs) {
    prefix.push((prefix.at(-1) ?? 0) + Math.max(1, profileScripts(paragraph).weight));
  }
  const single = paragraphs.map(anchorsOf);
  const double = single.map((anchors, k) => new Set([...anchors, ...(single[k + 1] ?? [])]));
  return { prefix, spans: [single, double] };
}

function beadCost(
  left: Side,
  right: Side,
  i: number,
  j: number,
  di: number,
  dj: number,
  prior: number,
  ratio: number,
): number {
  const l1 = spanLength(left, i, di);
  const l2 = spanLength(right, j, dj);
  const mean = (l1 + l2 / ratio) / 2;
  const delta = (l2 / ratio - l1) / Math.sqrt(Math.max(1, mean) * VARIANCE);
  const gcLengthCost = -Math.log(Math.max(1e-12, 2 * (1 - normalCdf(Math.abs(delta)))));
  // Gale–Church's length term grows with the square root of the length, which
  // for whole paragraphs makes a dropped paragraph all but impossible; a
  // paragraph with no counterpart pays a bounded price instead.
  const lengthCost =
    di === 0 || dj === 0 ? Math.min(gcLengthCost, UNPAIRED_LENGTH_COST) : gcLengthCost;
  let anchorBonus = 0;
  if (di > 0 && dj > 0) {
    const anchorsLeft = left.spans[di - 1]?.[i] ?? new Set<string>();
    const anchorsRight = right.spans[dj - 1]?.[j] ?? new Set<string>();
    anchorBonus =
      ANCHOR_WEIGHT * anchorSimilarity(anchorsLeft, anchorsRight) -
      Math.min(
        MAX_MISMATCH_PENALTY,
        MISMATCH_PENALTY * unmatchedAnchors(anchorsLeft, anchorsRight),
      );
  }
  return -Math.log(prior) + lengthCost - anchorBonus;
}

function spanLength(side: Side, start: number, count: number): number {
  return (side.prefix[start + count] ?? 0) - (side.prefix[start] ?? 0);
}

/** Standard normal CDF (Abramowitz & Stegun 26.2.17, error < 7.5e-8). */
function normalCdf(x: number): number {
  const t = 1 / (1 + 0.2316419 * Math.abs(x));
  const density = Math.exp((-x * x) / 2) / Math.sqrt(2 * Math.PI);
  const tail =
    density *
    t *
    (0.31938153 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
  return x >= 0 ? 1 - tail : tail;
}
