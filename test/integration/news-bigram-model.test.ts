import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  buildNewsBigramFile,
  ensureAnsjJar,
} from "../../pipelines/normalize/repair/models/build-news-bigrams.ts";

// An integration test: the builder's input is ansj_seg's jar, fetched from Maven once.
describe("shipped news bigram model", () => {
  it("is exactly what its builder makes of ansj_seg's dictionaries", async () => {
    const built = await buildNewsBigramFile(await ensureAnsjJar());
    const shipped = readFileSync(
      fileURLToPath(
        new URL("../../pipelines/normalize/repair/models/news-bigram-data.json", import.meta.url),
      ),
      "utf8",
    );
    expect(built.length).toBe(shipped.length);
    expect(built === shipped, "news-bigram-data.json differs from its builder's output").toBe(true);
  });
});
