/** .env.example documents every variable the configuration reads, and nothing it does not. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CONFIG_VARIABLES } from "../../../shared/config.ts";

const example = readFileSync(new URL("../../../.env.example", import.meta.url), "utf8");
// Set by the system, not by operators.
const SYSTEM = new Set(["HOME", "XDG_CACHE_HOME"]);

describe(".env.example", () => {
  const documented = new Set([...example.matchAll(/^#? ?([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]));

  it("names every configuration variable", () => {
    const missing = CONFIG_VARIABLES.filter((name) => !SYSTEM.has(name) && !documented.has(name));
    expect(missing).toEqual([]);
  });

  it("names no variable the configuration ignores", () => {
    const unknown = [...documented].filter((name) => name && !CONFIG_VARIABLES.includes(name));
    expect(unknown).toEqual([]);
  });
});
