/**
 * The enrich stage: finds the entities of a document. Pure and synchronous;
 * the knowledge base and the segmenter load once at import.
 *
 * Mentions are offsets into `body`. The title, subtitle and highlights are
 * searched too: an entity named only there (seed 000 names China Northern
 * Rare Earth in its title alone) is still listed, with no mentions, so that
 * facet search finds the document.
 */
import type { Entity, LanguageDocument, LodestoneDocument } from "../../shared/document.ts";
import { type FindEntitiesOptions, findEntities } from "./find-entities.ts";

function headingEntities(doc: LanguageDocument, known: Set<string>): Entity[] {
  const headings = [doc.title, doc.subtitle, ...(doc.highlights ?? [])].filter(
    (text): text is string => typeof text === "string" && text.length > 0,
  );
  const found = new Map<string, Entity>();
  for (const text of headings) {
    for (const entity of findEntities(text, doc.lang, { referenceDate: doc.published_at })) {
      if (!known.has(entity.id) && !found.has(entity.id)) {
        found.set(entity.id, { ...entity, mentions: [] });
      }
    }
  }
  return [...found.values()];
}

/** The enrich stage: a language document → the contract document with its entities (names, quantities, dates). */
export function enrich(
  doc: LanguageDocument,
  budgets: Pick<FindEntitiesOptions, "maxMentions"> = {},
): LodestoneDocument {
  const inBody = findEntities(doc.body, doc.lang, { ...budgets, referenceDate: doc.published_at });
  const known = new Set(inBody.map((e) => e.id));
  return { ...doc, entities: [...inBody, ...headingEntities(doc, known)] };
}
