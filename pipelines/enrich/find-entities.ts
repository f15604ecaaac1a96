/**
 * Recognises the entities of one text: knowledge-base names, names no list
 * knows (NLP and suffix patterns), quantities and dates; then settles
 * overlaps and groups mentions into one entity per canonical id.
 */
import type { Entity } from "../../shared/document.ts";
import { checkBudget } from "../budgets.ts";
import { type Candidate, resolveOverlaps } from "./candidate.ts";
import { linkShortNames } from "./coreference.ts";
import { findDates } from "./dates.ts";
import { matchKnowledgeBase } from "./gazetteer.ts";
import { findEnglishNames } from "./names-en.ts";
import { findChineseNames } from "./names-zh.ts";
import { findQuantities } from "./quantities.ts";

export interface FindEntitiesOptions {
  /** ISO date the text was published; gives the year of "October 15" / "１月１４日". */
  referenceDate?: string | null;
  /** The most mentions recognised in the text before overlaps are settled (STAGE_MAX_MENTIONS). */
  maxMentions?: number;
}

function recognise(text: string, lang: string, options: FindEntitiesOptions): Candidate[] {
  const known = matchKnowledgeBase(text);
  const strong = [
    ...known,
    ...findQuantities(text),
    ...findDates(text, options.referenceDate ?? null),
  ];
  // Text tagged "und" may hold either language; other languages get the knowledge base only.
  const english = lang === "en" || lang === "und";
  const chinese = lang === "zh" || lang === "und";
  const statistical = [
    ...(english ? findEnglishNames(text, known) : []),
    ...(chinese ? findChineseNames(text, known) : []),
  ];
  return [...strong, ...statistical];
}

function toEntities(text: string, candidates: Candidate[]): Entity[] {
  const byId = new Map<string, Entity>();
  for (const c of candidates) {
    const mention = { text: text.slice(c.start, c.end), start: c.start, end: c.end };
    const existing = byId.get(c.id);
    if (existing) {
      existing.mentions.push(mention);
      if (c.names) existing.names = { ...c.names, ...existing.names };
      continue;
    }
    byId.set(c.id, {
      id: c.id,
      type: c.type,
      name: c.name,
      ...(c.names ? { names: { ...c.names } } : {}),
      ...(c.value !== undefined ? { value: c.value } : {}),
      ...(c.unit !== undefined ? { unit: c.unit } : {}),
      mentions: [mention],
    });
  }
  const entities = [...byId.values()];
  for (const entity of entities) entity.mentions.sort((a, b) => a.start - b.start);
  return entities.sort((a, b) => (a.mentions[0]?.start ?? 0) - (b.mentions[0]?.start ?? 0));
}

/** Every entity of a text in the given language, one per canonical id, with exact mention offsets. */
export function findEntities(
  text: string,
  lang: string,
  options: FindEntitiesOptions = {},
): Entity[] {
  const candidates = recognise(text, lang, options);
  if (options.maxMentions !== undefined) {
    checkBudget("enrich", "mentions", candidates.length, options.maxMentions, "STAGE_MAX_MENTIONS");
  }
  const resolved = resolveOverlaps(candidates);
  return toEntities(text, linkShortNames(text, resolved));
}
