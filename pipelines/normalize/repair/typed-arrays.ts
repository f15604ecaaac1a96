/**
 * The word lattice keeps its working arrays from one search to the next and
 * grows them only when a search needs more room (lattice-states.ts,
 * lattice-words.ts, word-lattice.ts): one way to grow them, for every kind.
 */
type Growable = Int32Array<ArrayBuffer> | Float64Array<ArrayBuffer> | Uint8Array<ArrayBuffer>;

/**
 * `array` itself when it holds `size` elements; otherwise a copy of it of the
 * same kind, at least twice as long, whose new elements are `fill`.
 */
export function grown<A extends Growable>(array: A, size: number, fill = 0): A {
  if (array.length >= size) return array;
  const Kind = array.constructor as new (length: number) => A;
  const out = new Kind(Math.max(size, 2 * array.length));
  if (fill !== 0) out.fill(fill);
  out.set(array as ArrayLike<number>);
  return out;
}
