/**
 * The stage threads' bundle (thread-bundle.ts): one plain JavaScript module
 * that runs wherever it lies, named by its content, in a folder no other
 * user can write to.
 */
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
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

describe("the stage threads' bundle", () => {
  it("imports packages by absolute URL and nothing by a path relative to itself", async () => {
    const url = await writeStageThreadBundle(under);
    const code = readFileSync(fileURLToPath(url), "utf8");
    const imported = specifiers(code);
    expect(imported.length).toBeGreaterThan(10);
    const loose = imported.filter((s) => !s.startsWith("node:") && !s.startsWith("file:///"));
    expect(loose).toEqual([]);
    expect(imported).toContain(
      pathToFileURL(fileURLToPath(import.meta.resolve("franc/data.js"))).href,
    );
  });

  it("gives each source its own import.meta.url, so data read beside a module is found", async () => {
    const code = readFileSync(fileURLToPath(await writeStageThreadBundle(under)), "utf8");
    const shipped = new URL(
      "../../../pipelines/normalize/repair/models/shipped-model.ts",
      import.meta.url,
    ).href;
    expect(code).toContain(`createRequire(${JSON.stringify(shipped)})`);
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
