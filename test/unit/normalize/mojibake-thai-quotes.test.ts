import { describe, expect, it } from "vitest";
import { repairMojibake } from "../../../pipelines/normalize/repair/repair-text.ts";
import { damage, thaiLossyKinds } from "../../bench/damage-kinds.ts";

const text =
  "“We have not decided yet,” the spokesman said — the board’s review would “take into account” the views of investors.\n" +
  "“It’s a question of time,” said Li. “We don’t control the weather.”";

describe("quotes and dashes through the lossy Thai path", () => {
  it.each(thaiLossyKinds)("pairs quotes and keeps dashes apart (%s)", (kind) => {
    const out = repairMojibake(damage(text, kind)).text;
    for (const line of out.split("\n")) {
      const quotes = [...line].filter((c) => c === "“" || c === "”");
      // Every opening quotation mark is closed by the matching one, in order.
      for (let i = 0; i < quotes.length; i++) expect(quotes[i]).toBe(i % 2 === 0 ? "“" : "”");
    }
    expect(out).toContain("said — the board’s");
    expect(out).not.toMatch(/[\u0E00-\u0E7F]/);
  });

  it.each(thaiLossyKinds)("reads a decade's elided century as an apostrophe (%s)", (kind) => {
    const decade = "“In the ’90s we stopped,” he said, “and in the ’20s we started again.”";
    expect(repairMojibake(damage(decade, kind)).text).toBe(decade);
  });

  it.each(thaiLossyKinds)("closes a quotation before a dash (%s)", (kind) => {
    const dashed =
      "It promised “common prosperity”—and, above all, “security.” Its authors promise “order.”";
    expect(repairMojibake(damage(dashed, kind)).text).toBe(dashed);
  });

  it.each(thaiLossyKinds)(
    "reads an elision or a contraction's mark as an apostrophe (%s)",
    (kind) => {
      const elided =
        "C’est l’une des conclusions d’un rapport. We’re sure it’s done — and that’s all.";
      expect(repairMojibake(damage(elided, kind)).text).toBe(elided);
    },
  );
});
