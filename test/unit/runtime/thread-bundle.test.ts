/**
 * The stage threads' bundle (thread-bundle.ts): plain JavaScript modules
 * that run wherever they lie, named by their content, in a folder no other
 * user can write to, split so that a thread loads only its stages' packages.
 */
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { writeStageThreadBundle } from "../../../workers/runtime/thread-bundle.ts";

const under = mkdtempSync(join(tmpdir(), "thread-bundle-test-"));
afterAll(() => rmSync(under, { recursive: true, force: true }));

/** Every `import … from "x"`, `export … from "x"` and `import("x")` specifier in `code`. */
function specifiers(code: string): string[] {
  const found = [...code.matchAll(/(?:\bfrom|\bimport)\s*\(?\s*"([^"]+)"/g)].map((m) => m[1] ?? "");
  return [...new Set(found)];
}

/** The bundle's modules by file name: the entry and its chunks. */
function modules(entryUrl: string): Map<string, string> {
  const folder = dirname(fileURLToPath(entryUrl));
  const names = readdirSync(folder).filter((name) => name.endsWith(".mjs"));
  return new Map(names.map((name) => [name, readFileSync(join(folder, name), "utf8")]));
}

const packageUrl = (specifier: string) =>
  pathToFileURL(fileURLToPath(import.meta.resolve(specifier))).href;

describe("the stage threads' bundle", () => {
  it("imports packages by absolute URL and only its own chunks by a relative path", async () => {
    const files = modules(await writeStageThreadBundle(under));
    const imported = [...files.values()].flatMap(specifiers);
    expect(imported.length).toBeGreaterThan(10);
    const loose = imported.filter((s) => !s.startsWith("node:") && !s.startsWith("file:///"));
    for (const specifier of loose) expect(files.has(specifier.replace(/^\.\//, ""))).toBe(true);
    expect(imported).toContain(packageUrl("franc/data.js"));
  });

  it("leaves a stage's packages to the chunk of that stage, not the entry", async () => {
    const files = modules(await writeStageThreadBundle(under));
    const entry = specifiers(files.get("stage-thread.mjs") ?? "");
    expect(entry).not.toContain(packageUrl("compromise"));
    expect(entry).not.toContain(packageUrl("cheerio"));
    const chunks = [...files].filter(([name]) => name !== "stage-thread.mjs");
    const withCompromise = chunks.filter(([, code]) =>
      specifiers(code).includes(packageUrl("compromise")),
    );
    expect(withCompromise.length).toBeGreaterThan(0);
    for (const [, code] of withCompromise)
      expect(specifiers(code)).not.toContain(packageUrl("cheerio"));
  });

  it("gives each source its own import.meta.url, so data read beside a module is found", async () => {
    const code = [...modules(await writeStageThreadBundle(under)).values()].join("\n");
    const shipped = new URL(
      "../../../pipelines/normalize/repair/models/shipped-model.ts",
      import.meta.url,
    ).href;
    // esbuild numbers the import's name when one chunk imports it more than once (createRequire2).
    const escaped = JSON.stringify(shipped).replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
    expect(code).toMatch(new RegExp(`createRequire\\d*\\(${escaped}\\)`));
    expect(code).not.toContain("import.meta.url");
  });

  it("is named by its content: the same code gives the same file", async () => {
    const first = await writeStageThreadBundle(under);
    expect(await writeStageThreadBundle(under)).toBe(first);
    expect(first).toMatch(/\/lodestone-threads-\d+\/[0-9a-f]{16}\/stage-thread\.mjs$/);
  });

  it("refuses a folder that another user could write to", async () => {
    const shared = mkdtempSync(join(under, "shared-"));
    const folder = join(shared, `lodestone-threads-${process.getuid?.() ?? 0}`);
    mkdirSync(folder);
    chmodSync(folder, 0o777);
    await expect(writeStageThreadBundle(shared)).rejects.toThrow(/no one else can write to/);
  });
});
