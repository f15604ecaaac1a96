/**
 * The contract document as OpenSearch stores it: the contract fields as they
 * are, plus flat keyword facets (pipelines/index/entity-facets.ts) so Dashboards
 * can aggregate on entities by type without nested queries, and
 * `entity_names`, every name of every named entity in every language, which
 * the query-bar search reaches: `包头` finds an English article about Baotou.
 */
import type { LodestoneDocument } from "../../shared/document.ts";
import { type EntityFacets, facetsOf } from "./entity-facets.ts";

const NAMED_TYPES = new Set(["person", "organization", "location", "material"]);

export interface SearchDocument extends LodestoneDocument, EntityFacets {
  entity_names: string[];
  repair_kinds: string[];
}

function unique(values: Iterable<string>): string[] {
  return [...new Set(values)].sort();
}

/** A contract document → what the index stores: the document plus flat facet fields. */
export function toSearchDocument(doc: LodestoneDocument): SearchDocument {
  const named = doc.entities.filter((entity) => NAMED_TYPES.has(entity.type));
  return {
    ...doc,
    ...facetsOf(doc.entities),
    entity_names: unique(
      named.flatMap((entity) => [entity.name, ...Object.values(entity.names ?? {})]),
    ),
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
