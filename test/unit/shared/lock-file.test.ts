/**
 * `npm ci` refuses a lock file that lacks any package an installed package
 * lists, optional platform binaries of other platforms included (an image
 * build on linux-arm64 or musl needs theirs). npm writes them only when it
 * resolves from a clean state; this checks that the committed file has them.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

interface LockEntry {
  version?: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  engines?: Record<string, string>;
}

const lock = JSON.parse(
  readFileSync(new URL("../../../package-lock.json", import.meta.url), "utf8"),
) as {
  packages: Record<string, LockEntry>;
};
const manifest = JSON.parse(
  readFileSync(new URL("../../../package.json", import.meta.url), "utf8"),
) as {
  engines: { node: string };
};

/** Where Node would find `name` from the package at `path` (the nearest node_modules up the tree). */
function resolves(path: string, name: string): boolean {
  let base = path;
  for (;;) {
    if (lock.packages[`${base ? `${base}/` : ""}node_modules/${name}`]) return true;
    if (base === "") return false;
    const cut = base.lastIndexOf("/node_modules/");
    base = cut < 0 ? "" : base.slice(0, cut);
  }
}

describe("package-lock.json", () => {
  it("lists every dependency and optional platform binary of every package", () => {
    const missing: string[] = [];
    for (const [path, entry] of Object.entries(lock.packages)) {
      const names = [
        ...Object.keys(entry.dependencies ?? {}),
        ...Object.keys(entry.optionalDependencies ?? {}),
      ];
      for (const name of names)
        if (!resolves(path, name)) missing.push(`${path || "(root)"} → ${name}`);
    }
    expect(missing).toEqual([]);
  });

  it("agrees with package.json on the supported Node.js versions", () => {
    expect(lock.packages[""]?.engines?.node).toBe(manifest.engines.node);
  });
});
