/**
 * The built command line (cli-bundle.ts): plain JavaScript that plain Node
 * runs, without tsx, from its own folder; it processes a seed exactly as
 * the sources run through tsx do, and a rebuild replaces the old build whole.
 */
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { writeCliBundle } from "../../../workers/cli/cli-bundle.ts";

const run = promisify(execFile);
const root = fileURLToPath(new URL("../../../", import.meta.url));
const sources = join(root, "workers/cli/lodestone.ts");
const seed = join(root, "seeds/001_52282be795692a14.txt");
const under = mkdtempSync(join(tmpdir(), "cli-bundle-test-"));
afterAll(() => rmSync(under, { recursive: true, force: true }));

describe("the built command line", () => {
  it("runs on plain Node and processes a seed as the sources do", async () => {
    const built = await writeCliBundle(join(under, "dist"));
    expect(readFileSync(built.entry, "utf8").split("\n")[0]).toBe("#!/usr/bin/env node");
    // No flag, no loader: a TypeScript import left in the build would fail here.
    const fromBuild = await run(process.execPath, [built.entry, "process", seed], { cwd: root });
    const fromSources = await run(process.execPath, ["--import", "tsx", sources, "process", seed], {
      cwd: root,
    });
    const documents = JSON.parse(fromBuild.stdout) as { id: string; entities: unknown[] }[];
    expect(documents.length).toBeGreaterThan(0);
    expect(documents[0]?.entities.length).toBeGreaterThan(0);
    // The same documents but for when each run fetched the file.
    const unfetched = (json: string) => json.replace(/"fetched_at": "[^"]+"/g, "");
    expect(unfetched(fromBuild.stdout)).toBe(unfetched(fromSources.stdout));
  });

  it("is run as a file, and lists every command", async () => {
    const built = await writeCliBundle(join(under, "dist"));
    const { stdout } = await run(built.entry, ["--help"]);
    expect(stdout).toMatch(/^Usage: lodestone/);
    for (const command of ["workers", "enqueue", "api", "search"])
      expect(stdout).toContain(command);
  });

  it("replaces an earlier build whole", async () => {
    const dist = join(under, "dist");
    await writeCliBundle(dist);
    writeFileSync(join(dist, "chunk-LEFTOVER.mjs"), "");
    const built = await writeCliBundle(dist);
    expect(existsSync(join(dist, "chunk-LEFTOVER.mjs"))).toBe(false);
    expect(readdirSync(dist).filter((name) => name.endsWith(".mjs")).length).toBe(built.files / 2);
    expect(readdirSync(under).filter((name) => name.includes(".partial"))).toEqual([]);
  });
});
