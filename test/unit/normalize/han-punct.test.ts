import { describe, expect, it } from "vitest";
import { HanPunct, lengthBucket, marksOf } from "../../../pipelines/normalize/repair/han-punct.ts";
import { buildHanPunctData } from "../../../pipelines/normalize/repair/models/han-punct-build.ts";
import { repairMojibake } from "../../../pipelines/normalize/repair/repair-text.ts";
import { damage } from "../../bench/damage-kinds.ts";

describe("the rhythm of Chinese separators", () => {
  it("measures the segments around every separator of a paragraph", () => {
    expect(marksOf("内蒙古、江西、四川等地，企业加快重组。")).toEqual([
      { mark: "、", previous: "^", before: 3, after: 2 },
      { mark: "、", previous: "、", before: 2, after: 4 },
      { mark: "，", previous: "、", before: 4, after: 6 },
      { mark: "。", previous: "，", before: 6, after: 0 },
    ]);
    expect(lengthBucket(1)).toBe(0);
    expect(lengthBucket(5)).toBe(lengthBucket(6));
    expect(lengthBucket(500)).toBe(9);
  });

  it("learns that list items are short and sentences long", () => {
    const prose = [
      "包头、赣州、四川和江苏的企业在过去一年里加快了技术改造和兼并重组的步伐。",
      "镝、铽、钕的价格在本月持续走高，下游磁材企业的采购成本明显上升了许多。",
      "钐、钆、镧和铈的供应相对充足，分析人士认为价格短期内将保持稳定的态势。",
    ].join("\n");
    const rhythm = new HanPunct(buildHanPunctData(prose));
    // Two characters after a list separator, with two more to the next mark: another list item.
    expect(rhythm.score("、", "、", 1, 1)).toBeGreaterThan(rhythm.score("。", "、", 1, 1));
    // Thirty characters into a clause, with nothing after: the end of a sentence.
    expect(rhythm.score("。", "，", 30, 0)).toBeGreaterThan(rhythm.score("、", "，", 30, 0));
  });

  it("tells 、 from 。 where the lossy Thai damage made them the same", () => {
    const text = "内蒙古、江西、四川等地的稀土企业加快了技术改造和兼并重组。";
    const broken = damage(text, "utf8-as-iso-8859-11-c1-dropped");
    const repaired = repairMojibake(broken).text;
    expect(repaired.match(/[、。]/g)).toEqual(["、", "、", "。"]);
  });

  it("handles a long document around the damage without running out of stack", () => {
    const text = `稀土价格上涨、产量增加。${"Plain text about rare earths. ".repeat(20_000)}`;
    const broken = damage(text, "utf8-as-iso-8859-11-c1-dropped");
    expect(repairMojibake(broken).text.length).toBe(text.length);
  });
});
