/**
 * Turns operator input (paths, folders, URLs) into sources and adds one fetch
 * job per source. A folder contributes every supported file in it, at once or,
 * for a scheduled folder, at each run (folder-fetch.ts), so files added later
 * are picked up.
 */
import { existsSync } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { isHttpUri } from "../../pipelines/fetch/fetch-source.ts";
import { SUPPORTED_EXTENSIONS } from "../../pipelines/fetch/media-type.ts";
import type { SourceRef } from "../../shared/document.ts";
import { sourceIdFor } from "../../shared/ids.ts";
import { childJobId } from "../../shared/queues.ts";
import { readSourcesManifest } from "../../shared/sources-manifest.ts";
import type { QueueSet } from "../runtime/queue-set.ts";

export interface EnqueuedSource {
  source: SourceRef;
  jobId: string;
}

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

async function fileSource(file: string): Promise<SourceRef> {
  return (await manifestEntry(file)) ?? { id: sourceIdFor(pathToFileURL(file).href), uri: file };
}

/** The supported files of a folder (and its subfolders) as sources, in path order. */
export async function folderSources(folder: string): Promise<SourceRef[]> {
  const sources: SourceRef[] = [];
  for (const file of await filesIn(folder)) sources.push(await fileSource(file));
  return sources;
}

/** A local path that is a folder (not an http(s) URL, not a file). */
export async function isFolder(uri: string): Promise<boolean> {
  if (isHttpUri(uri)) return false;
  const info = await stat(uri).catch(() => undefined);
  return info?.isDirectory() ?? false;
}

/**
 * Resolves operator arguments to sources. A folder expands to its files, or
 * with `keepFolders` stays one source whose runs list it afresh.
 */
export async function resolveSources(
  inputs: string[],
  options: { keepFolders?: boolean } = {},
): Promise<SourceRef[]> {
  const sources: SourceRef[] = [];
  for (const input of inputs) {
    if (isHttpUri(input)) {
      sources.push({ id: sourceIdFor(input), uri: input });
      continue;
    }
    const path = resolve(input);
    const info = await stat(path).catch(() => undefined);
    if (!info) throw new Error(`${input}: no such file or folder`);
    if (!info.isDirectory()) sources.push(await fileSource(path));
    else if (options.keepFolders)
      sources.push({ id: sourceIdFor(pathToFileURL(path).href), uri: path });
    else sources.push(...(await folderSources(path)));
  }
  return sources;
}

export function newRunId(now = new Date()): string {
  return `run-${now
    .toISOString()
    .replace(/[-:.TZ]/g, "")
    .slice(0, 17)}-${Math.random().toString(36).slice(2, 6)}`;
}

export async function enqueueSources(
  queues: QueueSet,
  sources: SourceRef[],
  runId: string,
): Promise<EnqueuedSource[]> {
  const jobs = sources.map((source) => ({ source, jobId: childJobId(runId, "fetch", source.id) }));
  await queues.fetch.addBulk(
    jobs.map(({ source, jobId }) => ({
      name: "fetch",
      data: { run_id: runId, payload: { source } },
      opts: { jobId },
    })),
  );
  return jobs;
}
