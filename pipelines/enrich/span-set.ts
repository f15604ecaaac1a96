/**
 * The character offsets already claimed by a mention, as one flag per
 * offset: asking whether a span overlaps any claimed one costs its own
 * length, not the number of mentions so far, which keeps overlap settling
 * linear in the mentions instead of quadratic.
 */
export class SpanSet {
  private taken: Uint8Array;

  constructor(length = 0) {
    this.taken = new Uint8Array(length);
  }

  /** Whether any offset of [start, end) is claimed. */
  overlaps(start: number, end: number): boolean {
    const stop = Math.min(end, this.taken.length);
    for (let i = Math.max(start, 0); i < stop; i += 1) if (this.taken[i]) return true;
    return false;
  }

  /** Claims [start, end). */
  add(start: number, end: number): void {
    if (end > this.taken.length) this.grow(end);
    this.taken.fill(1, Math.max(start, 0), end);
  }

  private grow(end: number): void {
    const grown = new Uint8Array(Math.max(end, this.taken.length * 2));
    grown.set(this.taken);
    this.taken = grown;
  }
}
