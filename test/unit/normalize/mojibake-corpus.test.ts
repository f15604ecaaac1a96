import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { repairMojibake } from "../../../pipelines/normalize/repair/repair-text.ts";
import {
  buildCases,
  type MojibakeCase,
  restoredExactly,
} from "../../bench/mojibake-corpus-build.ts";

const file = new URL("../../fixtures/mojibake/cases.jsonl", import.meta.url);
const cases = readFileSync(file, "utf8")
  .split("\n")
  .filter((l) => l !== "")
  .map((l) => JSON.parse(l) as MojibakeCase);

describe("the project's mojibake corpus", () => {
  it("is what the builder makes of the source texts", () => {
    expect(cases).toEqual(buildCases());
    expect(cases.filter((c) => c.kind === "broken").length).toBeGreaterThanOrEqual(300);
    expect(cases.filter((c) => c.kind === "correct").length).toBeGreaterThanOrEqual(100);
  });

  it("leaves every correct text exactly as it is", () => {
    const changed = cases
      .filter((c) => c.kind === "correct")
      .filter((c) => repairMojibake(c.input).text !== c.input)
      .map((c) => c.input);
    expect(changed).toEqual([]);
  });

  it("restores at least 97 percent of the broken cases exactly", () => {
    const broken = cases.filter((c) => c.kind === "broken");
    // A lost character may be kept as U+FFFD or read back as the original.
    const restored = broken.filter(
      (c) => restoredExactly(repairMojibake(c.input).text, c).ok,
    ).length;
    expect(restored / broken.length).toBeGreaterThanOrEqual(0.97);
  });
});
