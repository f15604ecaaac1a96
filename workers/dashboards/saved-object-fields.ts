/**
 * Which index fields the saved objects use, and whether a mapping offers them
 * the way they are used: a terms or date_histogram aggregation and a sort need
 * doc values (keyword, date, numeric), a time field needs a date. A field that
 * is missing or analysed-only makes a visualization fail on load in Dashboards.
 */
import type { SavedObject } from "./saved-object.ts";
import {
  fieldFormatFieldsOf,
  searchColumnsOf,
  searchSourceOf,
  stringAttribute,
  visStateOf,
} from "./saved-object-views.ts";

export type FieldNeed = "exists" | "aggregatable" | "date";

export interface FieldUse {
  object: string;
  field: string;
  need: FieldNeed;
  via: string;
}

export function fieldUses(objects: readonly SavedObject[]): FieldUse[] {
  const uses: FieldUse[] = [];
  for (const object of objects) {
    const label = `${object.type} ${object.id}`;
    const add = (field: string, need: FieldNeed, via: string) =>
      uses.push({ object: label, field, need, via });
    if (object.type === "index-pattern") {
      const timeField = stringAttribute(object, "timeFieldName");
      if (timeField) add(timeField, "date", "timeFieldName");
      for (const field of fieldFormatFieldsOf(object)) add(field, "exists", "fieldFormatMap");
      continue;
    }
    if (object.type === "dashboard") continue;
    for (const filter of searchSourceOf(object).filter) {
      const field = filter.exists?.field ?? filter.meta.key;
      if (field) add(field, "exists", `filter ${filter.meta.type ?? "?"}`);
    }
    if (object.type === "search") {
      const { columns, sort } = searchColumnsOf(object);
      for (const column of columns) add(column, "exists", "column");
      for (const [field] of sort) add(field, "aggregatable", "sort");
    }
    if (object.type === "visualization") {
      for (const agg of visStateOf(object).aggs) {
        const field = agg.params.field;
        if (typeof field !== "string") continue;
        add(field, agg.type === "date_histogram" ? "date" : "aggregatable", `${agg.type} agg`);
      }
    }
  }
  return uses;
}

/** Field types with doc values by default, so that Dashboards can aggregate and sort on them. */
const AGGREGATABLE = new Set([
  "keyword",
  "constant_keyword",
  "date",
  "date_nanos",
  "boolean",
  "ip",
  "long",
  "integer",
  "short",
  "byte",
  "double",
  "float",
  "half_float",
  "scaled_float",
  "unsigned_long",
]);

export interface MappedField {
  type: string;
  /** False for `index: false`, `enabled: false` and `doc_values: false` fields. */
  aggregatable: boolean;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function addProperties(
  out: Map<string, MappedField>,
  properties: unknown,
  prefix: string,
  parentEnabled: boolean,
): void {
  if (!isRecord(properties)) return;
  for (const [name, spec] of Object.entries(properties)) {
    if (!isRecord(spec)) continue;
    const path = `${prefix}${name}`;
    const type = typeof spec.type === "string" ? spec.type : "object";
    const enabled = parentEnabled && spec.enabled !== false;
    const aggregatable = enabled && AGGREGATABLE.has(type) && spec.doc_values !== false;
    out.set(path, { type, aggregatable });
    addProperties(out, spec.properties, `${path}.`, enabled);
    // Multi-fields (title.en, materials.text) are addressable fields of their own.
    addProperties(out, spec.fields, `${path}.`, enabled);
  }
}

/**
 * Every addressable field of a mapping (`{ properties: … }`, as in the index
 * template or a live `GET <index>/_mapping`), sub-fields included, by dotted path.
 */
export function mappingFields(mappings: unknown): Map<string, MappedField> {
  const out = new Map<string, MappedField>();
  if (isRecord(mappings)) addProperties(out, mappings.properties, "", mappings.enabled !== false);
  return out;
}

export function fieldProblems(
  uses: readonly FieldUse[],
  fields: ReadonlyMap<string, MappedField>,
): string[] {
  const problems: string[] = [];
  for (const use of uses) {
    const mapped = fields.get(use.field);
    const where = `${use.object} (${use.via})`;
    if (!mapped) problems.push(`${where}: field ${use.field} is not in the mapping`);
    else if (use.need === "date" && mapped.type !== "date" && mapped.type !== "date_nanos") {
      problems.push(`${where}: field ${use.field} is ${mapped.type}, not a date`);
    } else if (use.need === "aggregatable" && !mapped.aggregatable) {
      problems.push(`${where}: field ${use.field} (${mapped.type}) cannot be aggregated or sorted`);
    }
  }
  return problems;
}

/** The `mappings` of an index template body (`{ template: { mappings } }`). */
export function templateMappings(template: Record<string, unknown>): unknown {
  const inner = template.template;
  return isRecord(inner) ? inner.mappings : undefined;
}
