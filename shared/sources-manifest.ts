/** Reads a sources manifest (seeds/sources.json) into source refs with absolute uris. */
import { readFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { z } from "zod";
import { type SourceRef, sourceRefSchema } from "./document.ts";

const manifestSchema = z.object({
  sources: z.array(sourceRefSchema),
});

export async function readSourcesManifest(path: string): Promise<SourceRef[]> {
  const parsed = manifestSchema.safeParse(JSON.parse(await readFile(path, "utf8")));
  if (!parsed.success) throw new Error(`${path}: ${parsed.error.message}`);
  const base = dirname(resolve(path));
  return parsed.data.sources.map((source) => ({
    ...source,
    uri: /^[a-z]+:\/\//i.test(source.uri) ? source.uri : resolve(base, source.uri),
  }));
}
