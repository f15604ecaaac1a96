/**
 * A folder as a source: its supported files (and its subfolders'), each a
 * source of its own with the id it would have if enqueued alone, so a folder
 * listed again at the next run yields the same ids and unchanged files are
 * skipped like any other source.
 */
import { existsSync } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import type { SourceRef } from "../../shared/document.ts";
import { sourceIdFor } from "../../shared/ids.ts";
import { readSourcesManifest } from "../../shared/sources-manifest.ts";
import { isHttpUri } from "./fetch-types.ts";
import { defaultFileRoots, filePathOf, realPathInRoots } from "./file-roots.ts";
import { SUPPORTED_EXTENSIONS } from "./media-type.ts";

function isSupportedFile(name: string): boolean {
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  return ext !== undefined && SUPPORTED_EXTENSIONS.includes(ext);
}

async function filesIn(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && isSupportedFile(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/**
 * A file listed in a `sources.json` beside it takes its id and publisher from
 * there, so `lodestone process seeds/x.txt` yields the same ids as the main job.
 */
async function manifestEntry(file: string): Promise<SourceRef | undefined> {
  const manifest = join(dirname(file), "sources.json");
  if (!existsSync(manifest)) return undefined;
  const sources = await readSourcesManifest(manifest);
  return sources.find((source) => source.uri === file);
}

/** A local file as a source: its manifest entry, or an id from its file URL. */
export async function fileSource(file: string): Promise<SourceRef> {
  return (await manifestEntry(file)) ?? { id: sourceIdFor(pathToFileURL(file).href), uri: file };
}

/** The supported files of a folder (and its subfolders) as sources, in path order. */
export async function folderSources(folder: string): Promise<SourceRef[]> {
  const sources: SourceRef[] = [];
  for (const file of await filesIn(folder)) sources.push(await fileSource(file));
  return sources;
}

/** A local path (or file: URL) that is a folder (not an http(s) URL, not a file). */
export async function isFolder(uri: string): Promise<boolean> {
  if (isHttpUri(uri)) return false;
  const info = await stat(filePathOf(uri)).catch(() => undefined);
  return info?.isDirectory() ?? false;
}

/**
 * The fetch stage's expander: a folder becomes its files, listed only when
 * its real path lies in the roots (each file is checked again when read);
 * anything else runs as it is.
 */
export async function expandFolder(
  source: SourceRef,
  roots: readonly string[] = defaultFileRoots(),
): Promise<SourceRef[] | null> {
  if (!(await isFolder(source.uri))) return null;
  await realPathInRoots(source.uri, roots);
  // Listed under the name it was given, so its files keep the ids they had.
  return folderSources(filePathOf(source.uri));
}
