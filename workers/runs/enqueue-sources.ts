/**
 * Turns operator input (paths, folders, URLs) into sources and adds one fetch
 * job per source. A folder contributes every supported file in it, at once or,
 * for a scheduled folder, at each run (the entry stage's expander,
 * pipelines/fetch/list-folder.ts), so files added later are picked up.
 */
import { stat } from "node:fs/promises";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { isHttpUri } from "../../pipelines/fetch/fetch-types.ts";
import { fileSource, folderSources } from "../../pipelines/fetch/list-folder.ts";
import type { SourceRef } from "../../shared/document.ts";
import { sourceIdFor } from "../../shared/ids.ts";

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
