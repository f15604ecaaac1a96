import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { repairMojibake } from "../../../pipelines/normalize/repair/repair-text.ts";
import { damage } from "../../bench/damage-kinds.ts";
import { restoreScore } from "../../bench/damage-score.ts";

const fixture = (name: string) =>
  readFileSync(new URL(`../../fixtures/damage/${name}`, import.meta.url), "utf8");

describe("UTF-8 read as GBK with bytes lost to U+FFFD", () => {
  it.each(["eval-zh.txt", "eval-zh-2.txt"])("restores most damaged characters of %s", (name) => {
    const text = fixture(name);
    const broken = damage(text, "utf8-as-gbk-lossy");
    expect(broken.split("\uFFFD").length - 1).toBeGreaterThan(20);
    const out = repairMojibake(broken);
    const score = restoreScore(text, broken, out.text);
    expect(score.restored / score.damaged).toBeGreaterThanOrEqual(0.9);
    expect(out.repairs.some((r) => r.detail?.startsWith("utf-8 read as gbk"))).toBe(true);
  });

  it("repairs past a U+FFFD in the middle of a run", () => {
    const text = "稀土价格“回暖”，包头企业订单增加。";
    const broken = damage(text, "utf8-as-gbk-lossy");
    expect(broken).toContain("\uFFFD");
    expect(repairMojibake(broken).text).toBe(text);
  });

  it("leaves real text beside a U+FFFD alone", () => {
    for (const text of ["Слово \uFFFDлово", "稀土\uFFFD价格上涨", "caf\uFFFD au lait"])
      expect(repairMojibake(text).text).toBe(text);
  });
});
