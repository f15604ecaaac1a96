import { describe, expect, it } from "vitest";
import { isChromeLine } from "../../../pipelines/normalize/clean/chrome-lines.ts";

describe("isChromeLine", () => {
  it("recognises page furniture in several languages", () => {
    for (const line of [
      "Advertisement",
      "Anzeige",
      "Story continues below advertisement",
      "Read more: Copper prices hit a record",
      "Lesen Sie auch: Warum Strom teurer wird",
      "Lire aussi | Les grands projets ferroviaires",
      "相关阅读：稀土价格持续回升",
      "Follow us on Twitter and Facebook",
      "Tagged: magnets, China",
      "标签：稀土 永磁",
    ]) {
      expect(isChromeLine(line), line).toBe(true);
    }
  });

  it("keeps story sentences that merely start alike", () => {
    for (const line of [
      "Advertisement spending fell by a fifth last year, the agency said.",
      "Read more carefully, the report says something else entirely.",
      `Follow us on the trail, the guide said, and ${"keep walking ".repeat(12)}until dusk.`,
    ]) {
      expect(isChromeLine(line), line).toBe(false);
    }
  });
});
