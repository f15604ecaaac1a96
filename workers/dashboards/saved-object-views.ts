/**
 * Typed views of the JSON-string attributes of saved objects: a search
 * source (query, filters, index reference), a visualization's state, a
 * dashboard's panels, a saved search's columns and sort.
 */
import { z } from "zod";
import { jsonAttribute, type SavedObject, SEARCH_SOURCE_PATH } from "./saved-object.ts";

const filterSchema = z.looseObject({
  meta: z.looseObject({
    indexRefName: z.string().optional(),
    negate: z.boolean().optional(),
    disabled: z.boolean().optional(),
    key: z.string().optional(),
    type: z.string().optional(),
  }),
  exists: z.object({ field: z.string() }).optional(),
  query: z.record(z.string(), z.unknown()).optional(),
});
export type SearchSourceFilter = z.infer<typeof filterSchema>;

const searchSourceSchema = z.looseObject({
  query: z
    .object({
      query: z.union([z.string(), z.record(z.string(), z.unknown())]),
      language: z.string(),
    })
    .optional(),
  filter: z.array(filterSchema).default([]),
  indexRefName: z.string().optional(),
});
export type SearchSource = z.infer<typeof searchSourceSchema>;

const aggSchema = z.looseObject({
  id: z.string(),
  type: z.string(),
  schema: z.string(),
  params: z.record(z.string(), z.unknown()).default({}),
});
export type VisAgg = z.infer<typeof aggSchema>;

const visStateSchema = z.looseObject({
  title: z.string(),
  type: z.string(),
  params: z.record(z.string(), z.unknown()),
  aggs: z.array(aggSchema),
});
export type VisState = z.infer<typeof visStateSchema>;

const panelSchema = z.looseObject({
  panelIndex: z.string(),
  panelRefName: z.string(),
  gridData: z.object({ x: z.number(), y: z.number(), w: z.number(), h: z.number(), i: z.string() }),
});
export type Panel = z.infer<typeof panelSchema>;

const searchAttributesSchema = z.looseObject({
  columns: z.array(z.string()),
  sort: z.array(z.tuple([z.string(), z.enum(["asc", "desc"])])).default([]),
});

function parse<T>(schema: z.ZodType<T>, value: unknown, object: SavedObject, what: string): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    const issues = result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    throw new Error(`${object.type} ${object.id}: bad ${what} (${issues.join("; ")})`);
  }
  return result.data;
}

export function searchSourceOf(object: SavedObject): SearchSource {
  return parse(
    searchSourceSchema,
    jsonAttribute(object, SEARCH_SOURCE_PATH) ?? {},
    object,
    "searchSourceJSON",
  );
}

export function visStateOf(object: SavedObject): VisState {
  return parse(visStateSchema, jsonAttribute(object, ["visState"]), object, "visState");
}

export function panelsOf(object: SavedObject): Panel[] {
  return parse(z.array(panelSchema), jsonAttribute(object, ["panelsJSON"]), object, "panelsJSON");
}

export function searchColumnsOf(object: SavedObject): z.infer<typeof searchAttributesSchema> {
  return parse(searchAttributesSchema, object.attributes, object, "search attributes");
}

export function fieldFormatFieldsOf(object: SavedObject): string[] {
  const map = jsonAttribute(object, ["fieldFormatMap"]);
  return typeof map === "object" && map !== null ? Object.keys(map) : [];
}

export function stringAttribute(object: SavedObject, name: string): string | undefined {
  const value = object.attributes[name];
  return typeof value === "string" ? value : undefined;
}
