/**
 * Training-data augmentation for the character model: plain English becomes
 * typeset English (curly quotes, apostrophes, dashes joining words, quoted
 * phrases), with a seeded pseudo-random choice of where. The model learns
 * which letters end and start words around such marks, which a few pages of
 * hand-typeset text cannot show it.
 */

/** Mulberry32: a tiny seeded generator, so the model data is reproducible. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function typographize(text: string, seed: number): string {
  const rnd = random(seed);
  let t = text
    .replace(/(\w)'(\w)/g, "$1’$2")
    .replace(/s' /g, "s’ ")
    .replace(/(^|[\s([])"/gm, "$1“")
    .replace(/"/g, "”")
    .replace(/(^|[\s([])'/gm, "$1‘")
    .replace(/'/g, "’")
    .replace(/(\d)-(\d)/g, "$1–$2")
    .replace(/ - /g, " – ");
  // Some commas joining clauses become em dashes, as news copy writes them.
  t = t.replace(/([a-z]), ([a-z])/g, (m, a: string, b: string) => (rnd() < 0.2 ? `${a}—${b}` : m));
  // Some short phrases become quoted terms: “new quality productive forces”.
  t = t.replace(/ ([a-z]+(?: [a-z]+){0,2})([ ,.—])/g, (m, phrase: string, end: string) =>
    rnd() < 0.04 ? ` “${phrase}”${end}` : m,
  );
  return t;
}
