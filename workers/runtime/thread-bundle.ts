/**
 * The code a stage thread runs: stage-thread.ts and everything it imports
 * from this project, bundled once per process into plain JavaScript modules
 * (node-bundle.ts).
 *
 * A thread used to load the TypeScript sources through tsx, which compiles
 * and hooks every import of every thread: an idle workers process (two stage
 * threads, models loaded) stood at ~405 MB resident, and at ~385 MB with the
 * bundle. Bundling takes ~150 ms, once per process, while the first thread
 * starts. The bundle is split per stage, so a thread loads only its stages'
 * packages: compromise alone is ~50 MB resident per thread, and the
 * normalize thread never calls it.
 *
 * The files are written to a private temporary folder, under a name taken
 * from their content.
 */
import { createHash } from "node:crypto";
import { existsSync, lstatSync, mkdirSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { bundleForNode, PROJECT_ROOT as ROOT } from "./node-bundle.ts";

const ENTRY = fileURLToPath(new URL("./stage-thread.ts", import.meta.url));

/**
 * This user's folder for bundles, created private. One shared by every
 * process and kept: a bundle is named by its content, so processes of the
 * same code reuse it and nothing piles up. A folder another user could
 * write to would let them choose the code our threads run: refused.
 */
function privateFolder(under: string): string {
  const uid = process.getuid?.() ?? 0;
  const folder = join(under, `lodestone-threads-${uid}`);
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  const stat = lstatSync(folder);
  if (!stat.isDirectory() || stat.uid !== uid || (stat.mode & 0o077) !== 0)
    throw new Error(`${folder} must be a folder of this user that no one else can write to`);
  return folder;
}

/** Writes `contents` to `path` whole or not at all (another process may read it at once). */
function writeAtomically(path: string, contents: Uint8Array): void {
  const partial = `${path}.${process.pid}.partial`;
  writeFileSync(partial, contents);
  renameSync(partial, path);
}

/**
 * Bundles the stage threads' code into a private folder under `under`
 * (named by its content; kept if already there) and returns its file URL.
 */
export async function writeStageThreadBundle(under: string = tmpdir()): Promise<string> {
  const files = await bundleForNode(ENTRY);
  if (!files.some((file) => file.path === join(ROOT, "stage-thread.mjs")))
    throw new Error("esbuild returned no bundle");
  const hash = createHash("sha256");
  for (const file of files) hash.update(relative(ROOT, file.path)).update(file.contents);
  const folder = join(privateFolder(under), hash.digest("hex").slice(0, 16));
  const file = join(folder, "stage-thread.mjs");
  if (!existsSync(file)) {
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    // The entry last: a folder that holds it holds every chunk it imports.
    for (const output of files)
      if (output.path !== join(ROOT, "stage-thread.mjs"))
        writeAtomically(join(folder, relative(ROOT, output.path)), output.contents);
    writeAtomically(
      file,
      files.find((f) => f.path === join(ROOT, "stage-thread.mjs"))?.contents ?? new Uint8Array(),
    );
  }
  return pathToFileURL(file).href;
}

let built: Promise<string> | undefined;

/** The file URL of the stage threads' bundle, built on first call. */
export function stageThreadBundle(): Promise<string> {
  // A failed build is not kept: the next thread tries again.
  built ??= writeStageThreadBundle().catch((error: unknown) => {
    built = undefined;
    throw error;
  });
  return built;
}
