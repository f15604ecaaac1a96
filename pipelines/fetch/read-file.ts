/**
 * Local file reader. The file is opened by its real path, then the path the
 * open descriptor really points at is checked against the roots, so a file
 * swapped for a symlink between the check and the open is caught too.
 */
import { constants, existsSync } from "node:fs";
import { open, realpath } from "node:fs/promises";
import { PermanentError } from "../../shared/errors.ts";
import type { FetchOptions, RawContent } from "./fetch-types.ts";
import { assertInRoots, defaultFileRoots, filePathOf, realPathInRoots } from "./file-roots.ts";
import { mediaTypeOfFile } from "./media-type.ts";

// Linux names an open descriptor's target here; elsewhere the check before the open stands alone.
const FD_LINKS = existsSync("/proc/self/fd") ? "/proc/self/fd" : undefined;

/** A local file's bytes, refused for good when outside the roots, missing, not a file or over the size cap. */
export async function readFileSource(
  uri: string,
  options: Pick<FetchOptions, "maxBytes" | "fileRoots">,
): Promise<RawContent> {
  const roots = options.fileRoots ?? defaultFileRoots();
  const path = await realPathInRoots(uri, roots);
  // O_NOFOLLOW: a last component swapped for a symlink since realpath fails here;
  // O_NONBLOCK: a FIFO must not hold the worker waiting for a writer.
  const flags = constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK;
  const handle = await open(path, flags).catch((error: NodeJS.ErrnoException) => {
    throw new PermanentError(`cannot read ${path}: ${error.code ?? error.message}`);
  });
  try {
    if (FD_LINKS) await assertInRoots(await realpath(`${FD_LINKS}/${handle.fd}`), roots, path);
    const info = await handle.stat();
    if (!info.isFile()) throw new PermanentError(`${path} is not a regular file`);
    if (info.size > options.maxBytes) {
      throw new PermanentError(
        `${path} is ${info.size} bytes, over the limit of ${options.maxBytes}`,
      );
    }
    const bytes = new Uint8Array(await handle.readFile());
    if (bytes.byteLength > options.maxBytes) {
      throw new PermanentError(`${path}: over the limit of ${options.maxBytes} bytes`);
    }
    // The name the operator gave decides the type, not a symlink's target.
    return { bytes, mediaType: mediaTypeOfFile(filePathOf(uri)) };
  } finally {
    await handle.close();
  }
}
