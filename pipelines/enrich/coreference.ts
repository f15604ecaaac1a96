/**
 * Further references to names already found in the same text: the same full
 * name again where no cue announced it (one name, one referent per article),
 * a person's family name alone ("Gong spearheaded…" after "Gong Bin"), and the abbreviation an
 * article declares for an organisation ('… Co., Ltd. (hereinafter referred to
 * as "Ke Rui Micro Magnetic")', "（以下简称“华宸科技”）").
 */
import type { Candidate } from "./candidate.ts";
import { PINYIN_SURNAMES } from "./lexicon.ts";
import { SpanSet } from "./span-set.ts";

/** The spans of `list`, claimed in a SpanSet sized for `text`. */
function claimedBy(text: string, list: Candidate[]): SpanSet {
  const claimed = new SpanSet(text.length);
  for (const c of list) claimed.add(c.start, c.end);
  return claimed;
}

function boundedOccurrences(text: string, needle: string): number[] {
  const starts: number[] = [];
  const latin = /[A-Za-z0-9]/;
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
    const before = text[i - 1] ?? " ";
    const after = text[i + needle.length] ?? " ";
    const bounded = !latin.test(needle) || (!latin.test(before) && !latin.test(after));
    if (bounded) starts.push(i);
  }
  return starts;
}

/** The word a person is referred to by on second mention, or null when that is ambiguous. */
function shortFormOf(surface: string): string | null {
  const words = surface.split(/\s+/);
  if (words.length < 2 || !/^[A-Z]/.test(surface)) return null;
  const first = words[0] ?? "";
  // Chinese order puts the family name first; Western order last.
  return PINYIN_SURNAMES.has(first) ? first : (words.at(-1) ?? null);
}

/** Each key's candidate, or null where candidates of two different entities share the key. */
function unambiguousBy(
  found: Candidate[],
  keyOf: (c: Candidate) => string | null,
): Map<string, Candidate | null> {
  const byKey = new Map<string, Candidate | null>();
  for (const c of found) {
    const key = keyOf(c);
    if (key === null) continue;
    const seen = byKey.get(key);
    byKey.set(key, seen === undefined || seen?.id === c.id ? c : null);
  }
  return byKey;
}

function familyNameMentions(text: string, found: Candidate[]): Candidate[] {
  const byShort = unambiguousBy(found, (c) =>
    c.type === "person" ? shortFormOf(text.slice(c.start, c.end)) : null,
  );
  const added: Candidate[] = [];
  const claimed = claimedBy(text, found);
  for (const [short, person] of byShort) {
    if (!person) continue;
    for (const start of boundedOccurrences(text, short)) {
      const end = start + short.length;
      // "Gong Bin" is the full name again, not a short reference.
      if (/^\s[A-Z]/.test(text.slice(end, end + 2))) continue;
      if (claimed.overlaps(start, end)) continue;
      added.push({ ...person, start, end });
      claimed.add(start, end);
    }
  }
  return added;
}

const DECLARED_ALIAS =
  /\s*[(（](?:hereinafter(?: referred to as)?|hereafter|以下简称|下称|简称)[:：]?\s*["“]([^"”]{2,60})["”]\s*[)）]/gu;

function declaredAliases(text: string, found: Candidate[]): Candidate[] {
  const added: Candidate[] = [];
  const claimed = claimedBy(text, found);
  // The first organisation ending at an offset, as a scan of `found` in order would find it.
  const organizationEndingAt = new Map<number, Candidate>();
  for (const c of found) {
    if (c.type === "organization" && !organizationEndingAt.has(c.end)) {
      organizationEndingAt.set(c.end, c);
    }
  }
  for (const m of text.matchAll(DECLARED_ALIAS)) {
    const alias = m[1];
    const owner = organizationEndingAt.get(m.index);
    if (!alias || !owner) continue;
    for (const start of boundedOccurrences(text, alias)) {
      const end = start + alias.length;
      if (claimed.overlaps(start, end)) continue;
      added.push({ ...owner, start, end });
      claimed.add(start, end);
    }
  }
  return added;
}

/**
 * A person or organisation recognised once is the same entity wherever its
 * exact name recurs in the text, even where no cue word stands beside it
 * (a headline, "Said Zhang Yanping, director…").
 */
function repeatedNames(text: string, found: Candidate[]): Candidate[] {
  const bySurface = unambiguousBy(found, (c) =>
    c.type === "person" || c.type === "organization" ? text.slice(c.start, c.end) : null,
  );
  const added: Candidate[] = [];
  const claimed = claimedBy(text, found);
  for (const [surface, entity] of bySurface) {
    if (!entity) continue;
    for (const start of boundedOccurrences(text, surface)) {
      const end = start + surface.length;
      if (claimed.overlaps(start, end)) continue;
      added.push({ ...entity, start, end });
      claimed.add(start, end);
    }
  }
  return added;
}

/** Adds further references to the resolved candidates; never overrides a span already taken. */
export function linkShortNames(text: string, resolved: Candidate[]): Candidate[] {
  const aliases = declaredAliases(text, resolved);
  const withAliases = [...resolved, ...aliases];
  const withRepeats = [...withAliases, ...repeatedNames(text, withAliases)];
  const families = familyNameMentions(text, withRepeats);
  return [...withRepeats, ...families].sort((a, b) => a.start - b.start);
}
