/**
 * Keyword facet fields for the index: canonical English names by type, and
 * the Chinese names of every entity, so that a search for "包头" finds the
 * English article about Baotou and "Baotou" finds the Chinese original.
 */
import type { Entity } from "../../shared/document.ts";

export interface EntityFacets {
  persons: string[];
  organizations: string[];
  locations: string[];
  materials: string[];
  names_zh: string[];
  entity_ids: string[];
}

const unique = (values: string[]) => [...new Set(values)];

/** The keyword facets of a document's entities: names by type, Chinese names, ids. */
export function facetsOf(entities: Entity[]): EntityFacets {
  const namesOfType = (type: Entity["type"]) =>
    unique(entities.filter((e) => e.type === type).map((e) => e.names?.en ?? e.name));
  return {
    persons: namesOfType("person"),
    organizations: namesOfType("organization"),
    locations: namesOfType("location"),
    materials: namesOfType("material"),
    names_zh: unique(entities.flatMap((e) => (e.names?.zh ? [e.names.zh] : []))),
    entity_ids: unique(entities.map((e) => e.id)),
  };
}
