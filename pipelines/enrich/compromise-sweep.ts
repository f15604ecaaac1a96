/**
 * compromise's match sweep, handed only the hooks a text can meet.
 *
 * Before it runs its pattern sets on a text (the post-tagger's corrections,
 * people(), places()…), compromise lists, for each sentence, the patterns
 * whose hook (a word or a tag) the sentence has. It does so by walking every
 * hook of the set, thousands of them, for every sentence (compromise 14.17,
 * `sweep/01-getHooks.js`), whatever the sentence's length. enrich hands it
 * short windows of text (name-bearing-en.ts), and on them that walk was most
 * of its time: ~0.6 ms of fixed cost per call.
 *
 * Here the sweep gets the same pattern set with only the hooks that some
 * sentence of the text has, kept in the set's own order. Each sentence's
 * list of patterns is then exactly what it was (the same patterns, in the
 * same order), and so is every tag and match after it.
 */
import nlp from "compromise";

type Hooks = Record<string, unknown[]>;
interface Net {
  hooks: Hooks;
}
type BulkMatch = (document: unknown[], net: Net, methods: unknown, options: unknown) => unknown;
interface SweepMethods {
  one: {
    bulkMatch: BulkMatch & { narrowed?: true };
    cacheDoc: (document: unknown[]) => Set<string>[];
  };
}

/** Per pattern set, the position of each hook in it, computed once. */
const hookOrder = new WeakMap<Hooks, Map<string, number>>();

function orderOf(hooks: Hooks): Map<string, number> {
  let order = hookOrder.get(hooks);
  if (!order) {
    order = new Map(Object.keys(hooks).map((key, i) => [key, i]));
    hookOrder.set(hooks, order);
  }
  return order;
}

/** The hooks of `hooks` that one of the sentences' caches holds, in their order in `hooks`. */
export function hooksMet(hooks: Hooks, caches: readonly Set<string>[]): Hooks {
  const order = orderOf(hooks);
  const met = new Set<string>();
  for (const cache of caches) for (const key of cache) if (order.has(key)) met.add(key);
  const narrowed: Hooks = {};
  // Integer-like keys enumerate first in any object, so this order is the one Object.keys gave.
  for (const key of [...met].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0)))
    narrowed[key] = hooks[key] ?? [];
  return narrowed;
}

const methods = (nlp as unknown as { world: () => { methods: SweepMethods } }).world().methods;

/** Makes every sweep of this process's compromise narrow its hooks first; returns the undo. */
export function narrowSweeps(): () => void {
  const original = methods.one.bulkMatch;
  if (original.narrowed) return () => {};
  const narrowedMatch: BulkMatch & { narrowed?: true } = (document, net, m, options) =>
    original(
      document,
      { ...net, hooks: hooksMet(net.hooks, methods.one.cacheDoc(document)) },
      m,
      options,
    );
  narrowedMatch.narrowed = true;
  methods.one.bulkMatch = narrowedMatch;
  return () => {
    methods.one.bulkMatch = original;
  };
}
