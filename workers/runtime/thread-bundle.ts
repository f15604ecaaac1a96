/**
 * The code a stage thread runs: stage-thread.ts and everything it imports
 * from this project, bundled once per process into plain JavaScript modules
 * by esbuild (the compiler tsx itself uses).
 *
 * A thread used to load the TypeScript sources through tsx, which compiles
 * and hooks every import of every thread: an idle workers process (two stage
 * threads, models loaded) stood at ~405 MB resident, and at ~385 MB with the
 * bundle. Bundling takes ~150 ms, once per process, while the first thread
 * starts.
 *
 * The bundle is split where the pipeline imports a stage's module on first
 * use (pipelines/pipeline.ts): each stage's code, and the packages it
 * imports, are a chunk of their own, loaded only by a thread that runs the
 * stage. In one file, esbuild hoists every package import to the top, so
 * each thread loaded every stage's packages: compromise alone is ~50 MB
 * resident per thread, and the normalize thread never calls it.
 *
 * The files are written to a private temporary folder, under a name taken
 * from their content, so they must not depend on where they lie:
 * - packages stay outside them, imported by the absolute URL that esbuild
 *   resolves for them with Node's own rules (the `import` and `node`
 *   conditions, `main` before `module`), the files Node itself would load;
 * - each source's `import.meta.url` is its own file's URL, so data files
 *   read beside a module (the repair's models) are found where they are.
 * Linked source maps make stack traces name the TypeScript files.
 */
import { createHash } from "node:crypto";
import { existsSync, lstatSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build, type Plugin } from "esbuild";

const ENTRY = fileURLToPath(new URL("./stage-thread.ts", import.meta.url));
const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/**
 * A bare specifier: a package (`zod`, `@scope/name`, `#internal` imports) or a
 * Node built-in, not a relative or absolute path (esbuild filters are Go
 * regular expressions: no lookahead).
 */
const BARE = /^[A-Za-z0-9@#_]/;

/** Packages as external imports by absolute URL, resolved the way Node would resolve them. */
const packagesByUrl: Plugin = {
  name: "packages-by-url",
  setup(bundler) {
    bundler.onResolve({ filter: BARE }, async (args) => {
      if (args.pluginData === "resolving" || /^[A-Za-z]:[\\/]/.test(args.path)) return undefined;
      if (args.path.startsWith("node:")) return { path: args.path, external: true };
      const resolved = await bundler.resolve(args.path, {
        kind: args.kind,
        resolveDir: args.resolveDir,
        importer: args.importer,
        pluginData: "resolving",
      });
      if (resolved.errors.length > 0) return { errors: resolved.errors };
      // A Node built-in named without `node:` resolves to itself.
      if (resolved.external) return { path: resolved.path, external: true };
      return { path: pathToFileURL(resolved.path).href, external: true };
    });
  },
};

/** Each TypeScript source's `import.meta.url` as its own file's URL. */
const ownMetaUrl: Plugin = {
  name: "own-import-meta-url",
  setup(bundler) {
    bundler.onLoad({ filter: /\.ts$/ }, (args) => ({
      contents: readFileSync(args.path, "utf8").replaceAll(
        "import.meta.url",
        JSON.stringify(pathToFileURL(args.path).href),
      ),
      loader: "ts",
    }));
  },
};

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
  const result = await build({
    entryPoints: [ENTRY],
    // Names the outputs and their source maps' links; esbuild writes nothing.
    outdir: ROOT,
    outExtension: { ".js": ".mjs" },
    chunkNames: "chunk-[hash]",
    write: false,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: `node${process.versions.node}`,
    // Node reads `main`, never `module`, for a package without `exports`.
    mainFields: ["main"],
    conditions: ["node", "import"],
    // The map names the sources by absolute URL, so it holds wherever the bundle lies.
    sourcemap: "linked",
    sourceRoot: pathToFileURL(ROOT).href,
    sourcesContent: false,
    logLevel: "silent",
    plugins: [packagesByUrl, ownMetaUrl],
  });
  const files = result.outputFiles;
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
