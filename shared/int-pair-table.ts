/**
 * A fixed-size hash table from a pair of integers to a number, in typed
 * arrays (open addressing, linear probing). Hot loops that would key a JS
 * Map by a string or by a number past 31 bits (boxed) ask it instead: a
 * lookup costs a multiply and usually one probe, and allocates nothing.
 * Used by the word lattice's bigram rows (pipelines/normalize/repair) and
 * by the language stage's trigram counts (pipelines/language).
 */
export class IntPairTable {
  private readonly keysA: Int32Array;
  private readonly keysB: Int32Array;
  private readonly values: Float64Array;
  /** The slots in use, in order of insertion: the entries' order, and what `clear` resets. */
  private readonly used: Int32Array;
  private readonly mask: number;
  private count = 0;

  /** Room for `capacity` entries at a load of at most one half; `a` must be non-negative. */
  constructor(capacity: number) {
    let size = 16;
    while (size < capacity * 2) size *= 2;
    this.keysA = new Int32Array(size).fill(-1);
    this.keysB = new Int32Array(size);
    this.values = new Float64Array(size);
    this.used = new Int32Array(size >> 1);
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

  /** The slot of (a, b), made with the value 0 when it is new. */
  private entry(a: number, b: number): number {
    let i = this.slot(a, b);
    for (;;) {
      const k = this.keysA[i] ?? -1;
      if (k === -1) {
        if (2 * (this.count + 1) > this.keysA.length) throw new Error("IntPairTable full");
        this.keysA[i] = a;
        this.keysB[i] = b;
        this.values[i] = 0;
        this.used[this.count++] = i;
        return i;
      }
      if (k === a && this.keysB[i] === b) return i;
      i = (i + 1) & this.mask;
    }
  }

  /** Sets the value of (a, b); the table must not fill past its capacity. */
  set(a: number, b: number, value: number): void {
    this.values[this.entry(a, b)] = value;
  }

  /** Adds to the value of (a, b), which starts at 0. */
  add(a: number, b: number, by: number): void {
    const i = this.entry(a, b);
    this.values[i] = (this.values[i] ?? 0) + by;
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

  /** The k-th entry in order of insertion (0 ≤ k < size): its keys and value. */
  keyAAt(k: number): number {
    return this.keysA[this.used[k] ?? 0] ?? -1;
  }

  keyBAt(k: number): number {
    return this.keysB[this.used[k] ?? 0] ?? 0;
  }

  valueAt(k: number): number {
    return this.values[this.used[k] ?? 0] ?? 0;
  }

  /** Empties the table, in time proportional to its entries. */
  clear(): void {
    for (let k = 0; k < this.count; k++) this.keysA[this.used[k] ?? 0] = -1;
    this.count = 0;
  }
}
