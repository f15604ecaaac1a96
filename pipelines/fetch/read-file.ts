import { readFile, stat } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { PermanentError } from "../../shared/errors.ts";
import type { FetchOptions, RawContent } from "./fetch-types.ts";
import { mediaTypeOfFile } from "./media-type.ts";

/** A local path or a file: URL → the path. */
export function filePathOf(uri: string): string {
  return uri.startsWith("file:") ? fileURLToPath(uri) : uri;
}

/** A local file's bytes, refused for good when missing, not a file or over the size cap. */
export async function readFileSource(
  uri: string,
  options: Pick<FetchOptions, "maxBytes">,
): Promise<RawContent> {
  const path = filePathOf(uri);
  const info = await stat(path).catch((error: NodeJS.ErrnoException) => {
    // A missing or unreadable file will not appear by retrying.
    throw new PermanentError(`cannot read ${path}: ${error.code ?? error.message}`);
  });
  if (!info.isFile()) throw new PermanentError(`${path} is not a regular file`);
  if (info.size > options.maxBytes) {
    throw new PermanentError(
      `${path} is ${info.size} bytes, over the limit of ${options.maxBytes}`,
    );
  }
  const bytes = new Uint8Array(await readFile(path));
  return { bytes, mediaType: mediaTypeOfFile(path) };
}
