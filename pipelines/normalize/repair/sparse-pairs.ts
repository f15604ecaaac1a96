/**
 * A sparse matrix of values by (row id, column id), readable both ways the
 * word lattice needs: a whole row in sequence (compressed rows: most rows
 * are short, and a short row read in order costs less than probing for
 * each candidate) and one entry by hash (for the long rows, "的" is
 * followed by thousands of words). Each long row gets a hash table of its
 * own when first asked: small enough to stay in cache while a position's
 * candidates are looked up, where one table of all pairs would miss the
 * cache on nearly every probe.
 */
import { IntPairTable } from "../../../shared/int-pair-table.ts";

/** Rows at least this long may be read through `rowTable`. */
export const longRow = 128;

export class SparsePairs {
  /** Row a's entries are at rowStart[a] … rowStart[a + 1] - 1 of `cols` and `vals`. */
  readonly rowStart: Int32Array;
  readonly cols: Int32Array;
  readonly vals: Float64Array;
  /** One more than the largest column id. */
  readonly colCount: number;

  constructor(pairs: [row: number, col: number, value: number][]) {
    let rows = 0;
    let cols = 0;
    for (const [a, b] of pairs) {
      rows = Math.max(rows, a + 1);
      cols = Math.max(cols, b + 1);
    }
    this.colCount = cols;
    this.rowStart = new Int32Array(rows + 1);
    for (const [a] of pairs) this.rowStart[a + 1] = (this.rowStart[a + 1] ?? 0) + 1;
    for (let a = 0; a < rows; a++)
      this.rowStart[a + 1] = (this.rowStart[a + 1] ?? 0) + (this.rowStart[a] ?? 0);
    this.cols = new Int32Array(pairs.length);
    this.vals = new Float64Array(pairs.length);
    const fill = this.rowStart.slice(0, rows);
    for (const [a, b, v] of pairs) {
      const at = fill[a] ?? 0;
      fill[a] = at + 1;
      this.cols[at] = b;
      this.vals[at] = v;
    }
  }

  /** Where row a starts and ends in `cols` / `vals` (empty for a row id never seen). */
  start(a: number): number {
    return a + 1 < this.rowStart.length ? (this.rowStart[a] ?? 0) : 0;
  }

  end(a: number): number {
    return a + 1 < this.rowStart.length ? (this.rowStart[a + 1] ?? 0) : 0;
  }

  private readonly rowTables = new Map<number, IntPairTable>();

  /**
   * Row a as a hash table from column id (first key; the second is 0) to
   * value, built on first use and kept: ask only for rows longer than
   * `longRow`, so that what is kept stays bounded (a few hundred rows).
   */
  rowTable(a: number): IntPairTable {
    let table = this.rowTables.get(a);
    if (!table) {
      const from = this.start(a);
      const to = this.end(a);
      table = new IntPairTable(to - from);
      for (let e = from; e < to; e++) table.set(this.cols[e] ?? 0, 0, this.vals[e] ?? 0);
      this.rowTables.set(a, table);
    }
    return table;
  }
}
