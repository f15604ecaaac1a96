/**
 * Share of damaged characters restored: the damage only ever touches
 * non-ASCII characters, so original and repaired text are aligned on their
 * shared ASCII skeleton and the non-ASCII stretches between compared with a
 * longest common subsequence.
 */

function lcs(a: string[], b: string[]): number {
  let prev = new Array<number>(b.length + 1).fill(0);
  for (const x of a) {
    const row = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j++) {
      row[j] = x === b[j - 1] ? (prev[j - 1] ?? 0) + 1 : Math.max(prev[j] ?? 0, row[j - 1] ?? 0);
    }
    prev = row;
  }
  return prev[b.length] ?? 0;
}

/** Non-ASCII stretches between ASCII characters, keyed by the ASCII prefix length. */
function stretches(text: string): Map<number, string[]> {
  const out = new Map<number, string[]>();
  let ascii = 0;
  for (const ch of text) {
    if ((ch.codePointAt(0) ?? 0) < 0x80) {
      ascii++;
      continue;
    }
    const list = out.get(ascii) ?? [];
    list.push(ch);
    out.set(ascii, list);
  }
  return out;
}

export interface RestoreScore {
  damaged: number;
  restored: number;
}

/**
 * `damaged` counts the original's non-ASCII characters the damage changed;
 * a repair that alters ASCII would misalign the skeleton and score zero for
 * the stretches after it, which is what it deserves.
 */
export function restoreScore(original: string, damaged: string, repaired: string): RestoreScore {
  if (original === damaged) return { damaged: 0, restored: 0 };
  const want = stretches(original);
  const got = stretches(repaired);
  let total = 0;
  let restored = 0;
  for (const [key, chars] of want) {
    total += chars.length;
    restored += lcs(chars, got.get(key) ?? []);
  }
  return { damaged: total, restored };
}
