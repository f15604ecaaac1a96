import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { buildRepairModels } from "../../../pipelines/normalize/repair/models/build-models.ts";

const modelsDir = new URL("../../../pipelines/normalize/repair/models/", import.meta.url);

describe("shipped repair models", () => {
  it("are exactly what the builders produce from the training texts", { timeout: 120_000 }, () => {
    const built = buildRepairModels();
    for (const [file, json] of Object.entries(built)) {
      const shipped = readFileSync(fileURLToPath(new URL(file, modelsDir)), "utf8");
      // Compare lengths first: a mismatch of megabytes of JSON is unreadable in a diff.
      expect(json.length, file).toBe(shipped.length);
      expect(json === shipped, `${file} differs from its builder's output`).toBe(true);
    }
  });
});
