/**
 * A fixed-size hash table from a pair of non-negative integers to a number,
 * in typed arrays (open addressing, linear probing). The word lattice asks
 * for a context value hundreds of times per damaged character; a JS Map of
 * Maps keyed by strings costs a string hash and two lookups each time, this
 * costs a multiply and usually one probe, and allocates nothing.
 */
export class IntPairTable {
  private readonly keysA: Int32Array;
  private readonly keysB: Int32Array;
  private readonly values: Float64Array;
  private readonly mask: number;
  private count = 0;

  /** Room for `capacity` entries at a load of at most one half. */
  constructor(capacity: number) {
    let size = 16;
    while (size < capacity * 2) size *= 2;
    this.keysA = new Int32Array(size).fill(-1);
    this.keysB = new Int32Array(size);
    this.values = new Float64Array(size);
    this.mask = size - 1;
  }

  get size(): number {
    return this.count;
  }

  /** A full mix of both keys (murmur3's finaliser): ids are small and dense, their low bits alone would cluster. */
  private slot(a: number, b: number): number {
    let h = Math.imul(a, 0x9e3779b1) ^ b;
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    return (h ^ (h >>> 16)) & this.mask;
  }

  /** Sets the value of (a, b); the table must not fill past its capacity. */
  set(a: number, b: number, value: number): void {
    let i = this.slot(a, b);
    for (;;) {
      const k = this.keysA[i] ?? -1;
      if (k === -1) {
        if (2 * (this.count + 1) > this.keysA.length) throw new Error("IntPairTable full");
        this.keysA[i] = a;
        this.keysB[i] = b;
        this.values[i] = value;
        this.count++;
        return;
      }
      if (k === a && this.keysB[i] === b) {
        this.values[i] = value;
        return;
      }
      i = (i + 1) & this.mask;
    }
  }

  /** The value of (a, b), or NaN when there is none. */
  get(a: number, b: number): number {
    let i = this.slot(a, b);
    for (;;) {
      const k = this.keysA[i] ?? -1;
      if (k === -1) return Number.NaN;
      if (k === a && this.keysB[i] === b) return this.values[i] ?? Number.NaN;
      i = (i + 1) & this.mask;
    }
  }
}
