/**
 * Which local files a fetch may read: only those whose real path lies in one
 * of the configured roots (FILE_SOURCE_ROOTS). The fetch stage checks this
 * itself, whatever put the job on the queue, and on the real path, so a
 * symlink (or a file swapped for one after its folder was listed) cannot
 * lead outside.
 */
import { realpath } from "node:fs/promises";
import { tmpdir } from "node:os";
import { isAbsolute, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { PermanentError } from "../../shared/errors.ts";

/** The roots when none are configured: the working directory and the OS temp folder. */
export function defaultFileRoots(): string[] {
  return [process.cwd(), tmpdir()];
}

/** A local path or a file: URL → an absolute path. */
export function filePathOf(uri: string): string {
  return resolve(uri.startsWith("file:") ? fileURLToPath(uri) : uri);
}

function isInside(path: string, root: string): boolean {
  const rel = relative(root, path);
  return rel === "" || (!rel.startsWith("..") && !isAbsolute(rel));
}

/**
 * How long a root's real path is reused. Every file read checks two paths
 * against every root, and resolving a root again each time was a third of
 * the CPU of reading a file; a root moved or re-linked is seen within this.
 */
const ROOT_TTL_MS = 5_000;
const realRoots = new Map<string, { real: Promise<string>; until: number }>();

/** The real path of a root, or the root as given when it does not exist (nothing lies in it then). */
function realRoot(root: string): Promise<string> {
  const now = performance.now();
  const cached = realRoots.get(root);
  if (cached && cached.until > now) return cached.real;
  const real = realpath(root).catch(() => resolve(root));
  realRoots.set(root, { real, until: now + ROOT_TTL_MS });
  return real;
}

/** Refuses, for good, a real path that lies in none of the roots; the message names the setting. */
export async function assertInRoots(
  realPath: string,
  roots: readonly string[],
  shown = realPath,
): Promise<void> {
  const reals = await Promise.all(roots.map(realRoot));
  if (reals.some((root) => isInside(realPath, root))) return;
  throw new PermanentError(
    `refused: ${shown} is outside the folders file sources may be read from ` +
      `(${reals.join(", ")}); add its folder to FILE_SOURCE_ROOTS to allow it`,
  );
}

/** The real path of a local source, refused when it does not exist or lies outside the roots. */
export async function realPathInRoots(uri: string, roots: readonly string[]): Promise<string> {
  const path = filePathOf(uri);
  const real = await realpath(path).catch((error: NodeJS.ErrnoException) => {
    // A missing or unreadable file will not appear by retrying.
    throw new PermanentError(`cannot read ${path}: ${error.code ?? error.message}`);
  });
  await assertInRoots(real, roots, real === path ? path : `${path} (really ${real})`);
  return real;
}
