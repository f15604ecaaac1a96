/**
 * This project's TypeScript as plain JavaScript modules for Node, bundled by
 * esbuild (the compiler tsx itself uses): the stage threads' code
 * (thread-bundle.ts) and the built command line (cli/cli-bundle.ts). Running
 * a bundle skips tsx's loader, which compiles and hooks every import; on
 * Node 20 its hooks also run on a thread of their own.
 *
 * The bundle is split where the code imports a module on first use (each
 * stage of pipelines/pipeline.ts, each command of cli/command-line.ts): that
 * module's code, and the packages it imports, are a chunk of their own,
 * loaded only when it is. In one file, esbuild hoists every package import
 * to the top, and every process would load every package.
 *
 * The files must not depend on where they are written:
 * - packages stay outside them, imported by the absolute URL that esbuild
 *   resolves for them with Node's own rules (the `import` and `node`
 *   conditions, `main` before `module`), the files Node itself would load;
 * - each source's module URL is its own file's URL, so data files read
 *   beside a module (the repair's models) are found where they are.
 * So a bundle runs from anywhere, but only beside the checkout (sources and
 * node_modules) it was built from. Linked source maps make stack traces
 * name the TypeScript files.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build, type OutputFile, type Plugin } from "esbuild";

/** The project's root folder: the outputs' paths are named under it. */
export const PROJECT_ROOT = fileURLToPath(new URL("../../", import.meta.url));

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

/**
 * A source's own module URL in code (`import.meta.url`), not inside a string:
 * this file names it in a string only as this pattern.
 */
const MODULE_URL = /(?<!["'`])\bimport\.meta\.url\b(?!["'`])/g;

/** Each TypeScript source's module URL as its own file's URL. */
const ownModuleUrl: Plugin = {
  name: "own-import-meta-url",
  setup(bundler) {
    bundler.onLoad({ filter: /\.ts$/ }, (args) => ({
      contents: readFileSync(args.path, "utf8").replace(
        MODULE_URL,
        JSON.stringify(pathToFileURL(args.path).href),
      ),
      loader: "ts",
    }));
  },
};

/**
 * Bundles `entry` (a TypeScript file of this project) and what it imports
 * from the project: the entry as `<name>.mjs` and its chunks, with source
 * maps, named under PROJECT_ROOT; nothing is written.
 */
export async function bundleForNode(entry: string): Promise<OutputFile[]> {
  const result = await build({
    entryPoints: [entry],
    // Names the outputs and their source maps' links; esbuild writes nothing.
    outdir: PROJECT_ROOT,
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
    sourceRoot: pathToFileURL(PROJECT_ROOT).href,
    sourcesContent: false,
    logLevel: "silent",
    plugins: [packagesByUrl, ownModuleUrl],
  });
  return result.outputFiles;
}
