/**
 * The people, places and organisations compromise finds, line by line, with
 * each line's answer remembered. compromise tags every word it reads at some
 * 50,000 characters a second, far slower than anything else here; it tags a
 * line (a sentence) on its own, so a line's names do not depend on the lines
 * around it. News repeats itself across a feed — a site's boilerplate, the
 * analyst quoted every week, the same company's name and its context — and
 * a line seen once need not be read again: a bounded LRU cache maps each
 * line to its names. Lines not in the cache are read together, a chunk at a
 * time, and each name goes back to the line it starts in.
 */
import nlp from "compromise";
import { LRUCache } from "lru-cache";
import { narrowSweeps } from "./compromise-sweep.ts";

export interface LineNames {
  people: string[];
  places: string[];
  organizations: string[];
}

/** compromise slows down more than linearly on long texts: it reads a chunk of lines at a time. */
const NLP_CHUNK_CHARS = 20_000;
/** Lines remembered: a few MB, and a feed's recurring lines fit many times over. */
const CACHED_LINES = 20_000;

const cache = new LRUCache<string, LineNames>({ max: CACHED_LINES });

narrowSweeps();

/**
 * What nlp() computes, less the phrase chunker: people(), places() and
 * organizations() read the tags, never the chunks (the same names, ~5% less
 * of compromise's time).
 */
const TAGGING = nlp.hooks().filter((hook: string) => hook !== "chunks");

interface Found {
  text: string;
  offset: { start: number };
}

/** The lines cut into chunks of at most about NLP_CHUNK_CHARS (joined by "\n"). */
function chunksOf(lines: readonly string[]): string[][] {
  const chunks: string[][] = [];
  let current: string[] = [];
  let size = 0;
  for (const line of lines) {
    if (current.length > 0 && size + line.length + 1 > NLP_CHUNK_CHARS) {
      chunks.push(current);
      current = [];
      size = 0;
    }
    current.push(line);
    size += line.length + 1;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

/** A match's text and offset, without the per-term detail (compromise's types know no `terms: false`). */
function matches(view: { json(options: object): unknown }): Found[] {
  return view.json({ offset: true, terms: false }) as Found[];
}

/** Reads the lines of one chunk and files every name under the line it starts in. */
function readChunk(lines: readonly string[]): LineNames[] {
  const starts: number[] = [];
  let at = 0;
  for (const line of lines) {
    starts.push(at);
    at += line.length + 1;
  }
  const answers = lines.map((): LineNames => ({ people: [], places: [], organizations: [] }));
  const lineAt = (offset: number): LineNames | undefined => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) low = mid;
      else high = mid - 1;
    }
    return answers[low];
  };
  const doc = nlp.tokenize(lines.join("\n"));
  doc.compute(TAGGING);
  const file = (found: Found[], key: keyof LineNames) => {
    for (const name of found) lineAt(name.offset.start)?.[key].push(name.text);
  };
  file(matches(doc.people()), "people");
  file(matches(doc.places()), "places");
  file(matches(doc.organizations()), "organizations");
  return answers;
}

/** The names compromise finds in `lines`, all lines together, in line order. */
export function compromiseNames(lines: readonly string[]): LineNames {
  // This call's answers are kept here too: a long text may hold more lines than the cache.
  const known = new Map<string, LineNames>();
  const unread: string[] = [];
  for (const line of new Set(lines)) {
    const cached = cache.get(line);
    if (cached) known.set(line, cached);
    else unread.push(line);
  }
  for (const chunk of chunksOf(unread)) {
    const answers = readChunk(chunk);
    chunk.forEach((line, i) => {
      const answer = answers[i];
      if (!answer) return;
      known.set(line, answer);
      cache.set(line, answer);
    });
  }
  const all: LineNames = { people: [], places: [], organizations: [] };
  for (const line of lines) {
    const answer = known.get(line);
    if (!answer) continue;
    all.people.push(...answer.people);
    all.places.push(...answer.places);
    all.organizations.push(...answer.organizations);
  }
  return all;
}
