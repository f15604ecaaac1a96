/**
 * The enrich stage: finds the entities of a document's body. Pure and
 * synchronous; the knowledge base and the segmenter load once at import.
 */
import type { LanguageDocument, LodestoneDocument } from "../../shared/document.ts";
import { findEntities } from "./find-entities.ts";

export function enrich(doc: LanguageDocument): LodestoneDocument {
  return {
    ...doc,
    entities: findEntities(doc.body, doc.lang, { referenceDate: doc.published_at }),
  };
}
