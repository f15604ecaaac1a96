/**
 * Saved objects of OpenSearch Dashboards as its export writes them: one JSON
 * object per line (ndjson). Several attributes are themselves JSON strings
 * (visState, panelsJSON, searchSourceJSON), so they are parsed on demand.
 */
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { z } from "zod";
import { errorMessage } from "../../shared/errors.ts";

export const savedObjectReferenceSchema = z.object({
  name: z.string().min(1),
  type: z.string().min(1),
  id: z.string().min(1),
});
export type SavedObjectReference = z.infer<typeof savedObjectReferenceSchema>;

export const savedObjectSchema = z.object({
  id: z.string().min(1),
  type: z.enum(["index-pattern", "search", "visualization", "dashboard"]),
  attributes: z.looseObject({ title: z.string().min(1) }),
  references: z.array(savedObjectReferenceSchema),
  migrationVersion: z.record(z.string(), z.string()).optional(),
});
export type SavedObject = z.infer<typeof savedObjectSchema>;

export interface SavedObjectFile {
  file: string;
  content: string;
  objects: SavedObject[];
}

export class SavedObjectParseError extends Error {
  override name = "SavedObjectParseError";
}

export function parseNdjson(content: string, file: string): SavedObject[] {
  const objects: SavedObject[] = [];
  content.split("\n").forEach((line, index) => {
    if (line.trim() === "") return;
    const where = `${file}:${index + 1}`;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      throw new SavedObjectParseError(`${where}: not JSON (${errorMessage(error)})`);
    }
    const parsed = savedObjectSchema.safeParse(value);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
      throw new SavedObjectParseError(`${where}: not a saved object (${issues.join("; ")})`);
    }
    objects.push(parsed.data);
  });
  return objects;
}

/**
 * The ndjson files of a folder in name order: Dashboards checks that the index
 * patterns and saved searches an import refers to exist, so they come first
 * (the files carry numeric prefixes for that reason).
 */
export async function readSavedObjectFiles(dir: string): Promise<SavedObjectFile[]> {
  const names = (await readdir(dir)).filter((name) => name.endsWith(".ndjson")).sort();
  const files: SavedObjectFile[] = [];
  for (const name of names) {
    const file = join(dir, name);
    const content = await readFile(file, "utf8");
    files.push({ file, content, objects: parseNdjson(content, file) });
  }
  return files;
}

/** A JSON-string attribute (visState, panelsJSON, …) parsed; undefined when absent. */
export function jsonAttribute(object: SavedObject, path: string[]): unknown {
  let value: unknown = object.attributes;
  for (const key of path) {
    if (typeof value !== "object" || value === null) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  if (value === undefined) return undefined;
  if (typeof value !== "string") {
    throw new SavedObjectParseError(
      `${object.type} ${object.id}: ${path.join(".")} is not a string`,
    );
  }
  try {
    return JSON.parse(value) as unknown;
  } catch (error) {
    throw new SavedObjectParseError(
      `${object.type} ${object.id}: ${path.join(".")} is not JSON (${errorMessage(error)})`,
    );
  }
}

export const SEARCH_SOURCE_PATH = ["kibanaSavedObjectMeta", "searchSourceJSON"];
