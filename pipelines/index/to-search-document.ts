/**
 * The contract document as OpenSearch stores it: the contract fields as they
 * are, plus flat keyword facets so Dashboards can aggregate on entities by
 * type and search their names in both languages without nested queries.
 */
import type { EntityType, LodestoneDocument } from "../../shared/document.ts";

const FACET_BY_TYPE: Partial<
  Record<EntityType, "persons" | "organizations" | "locations" | "materials">
> = {
  person: "persons",
  organization: "organizations",
  location: "locations",
  material: "materials",
};

export interface SearchDocument extends LodestoneDocument {
  entity_ids: string[];
  entity_names: string[];
  persons: string[];
  organizations: string[];
  locations: string[];
  materials: string[];
  repair_kinds: string[];
}

function unique(values: Iterable<string>): string[] {
  return [...new Set(values)].sort();
}

export function toSearchDocument(doc: LodestoneDocument): SearchDocument {
  const facets = { persons: [], organizations: [], locations: [], materials: [] } as Record<
    "persons" | "organizations" | "locations" | "materials",
    string[]
  >;
  const names: string[] = [];
  for (const entity of doc.entities) {
    const facet = FACET_BY_TYPE[entity.type];
    if (!facet) continue;
    // Every language's name goes in both places: the facet lists by canonical
    // English name and Chinese name alike, and entity_names is the searchable text.
    const all = [entity.name, ...Object.values(entity.names ?? {})];
    facets[facet].push(...all);
    names.push(...all);
  }
  return {
    ...doc,
    entity_ids: unique(doc.entities.map((entity) => entity.id)),
    entity_names: unique(names),
    persons: unique(facets.persons),
    organizations: unique(facets.organizations),
    locations: unique(facets.locations),
    materials: unique(facets.materials),
    repair_kinds: unique(doc.repairs.map((repair) => repair.kind)),
  };
}

/**
 * Fields the contract leaves optional are written as null when absent, so an
 * upsert that merges into an older version of the document clears them.
 */
export function withExplicitNulls(doc: SearchDocument): Record<string, unknown> {
  return {
    subtitle: null,
    author: null,
    highlights: null,
    fields: null,
    script: null,
    translation: null,
    ...doc,
  };
}
