import { describe, expect, it } from "vitest";
import { alignParagraphs } from "../../../pipelines/language/align-paragraphs.ts";
import { anchorsOf } from "../../../pipelines/language/anchors.ts";
import { parseChineseNumber as chineseNumeral } from "../../../shared/text/numbers.ts";

const EN = [
  "China Northern Rare Earth raised its listing price for praseodymium-neodymium oxide to 559,000 yuan per tonne in October.",
  "The company said demand from magnet makers supplying electric vehicle and wind turbine producers remained strong, and that inventories at smelters were low.",
  "Dysprosium oxide was unchanged at 1.65 million yuan per tonne.",
  "Traders in Shanghai said spot prices had moved above the listing price ahead of the National Day holiday, when many plants close for a week.",
];
const ZH = [
  "北方稀土10月氧化镨钕挂牌价上调至每吨559000元。",
  "公司表示，新能源汽车和风电领域磁材企业需求依然旺盛，冶炼企业库存处于低位。",
  "氧化镝价格维持在每吨165万元不变。",
  "上海贸易商表示，国庆假期前现货价格已高于挂牌价，届时许多工厂将停产一周。",
];

describe("alignParagraphs", () => {
  it("aligns parallel paragraphs 1:1", () => {
    expect(alignParagraphs(EN, ZH)).toEqual([
      [0, 0],
      [1, 1],
      [2, 2],
      [3, 3],
    ]);
  });

  it("finds a paragraph the translator merged (2-1)", () => {
    const merged = [ZH[0], `${ZH[1]}${ZH[2]}`, ZH[3]].map(String);
    expect(alignParagraphs(EN, merged)).toEqual([
      [0, 0],
      [1, 1],
      [2, 1],
      [3, 2],
    ]);
  });

  it("keeps the true pairs when the translation dropped a short paragraph", () => {
    const shorter = [ZH[0], ZH[1], ZH[3]].map(String);
    const pairs = alignParagraphs(EN, shorter);
    expect(pairs).toContainEqual([0, 0]);
    expect(pairs).toContainEqual([1, 1]);
    expect(pairs).toContainEqual([3, 2]);
    // Gale–Church prices a deletion high: the orphan may ride along in a 2-1
    // bead with its neighbour, but it must not displace a true pair.
    expect(pairs.filter(([i]) => i !== 2)).toEqual([
      [0, 0],
      [1, 1],
      [3, 2],
    ]);
  });

  it("uses shared numbers to find which paragraph has no counterpart", () => {
    const en = [
      "Output of rare earth concentrate reached 120,000 tonnes in 2024.",
      "Exports of permanent magnets rose to 5,000 tonnes in March.",
      "Prices of terbium oxide fell 8% over the quarter.",
    ];
    const zh = ["3月永磁体出口量增至5000吨。", "本季度氧化铽价格下跌8%。"];
    const pairs = alignParagraphs(en, zh);
    expect(pairs).toContainEqual([1, 0]);
    expect(pairs).toContainEqual([2, 1]);
    expect(pairs).not.toContainEqual([0, 1]);
  });

  it("uses names rendered in the other script to find the missing counterpart", () => {
    const en = [
      "Baotou officials promised faster approval for magnet projects.",
      "Ganzhou traders reported thin dysprosium supply this week.",
      "Lynas said its Malaysian plant was running normally.",
    ];
    const zh = ["赣州贸易商称本周镝供应偏紧。", "莱纳斯表示其马来西亚工厂运行正常。"];
    const pairs = alignParagraphs(en, zh);
    expect(pairs).toContainEqual([1, 0]);
    expect(pairs).toContainEqual([2, 1]);
    expect(pairs).not.toContainEqual([0, 0]);
  });

  it("returns nothing when a side is empty", () => {
    expect(alignParagraphs([], ZH)).toEqual([]);
    expect(alignParagraphs(EN, [])).toEqual([]);
  });
});

describe("anchors", () => {
  it("reads numbers in every form the two sides use", () => {
    expect(anchorsOf("the state-owned Jilin 8272 Factory, on January 14")).toEqual(
      new Set(["#8272", "#1", "#14", "~jilin"]),
    );
    expect(anchorsOf("吉林国营８２７２厂，在１月１４日")).toEqual(
      new Set(["#8272", "#1", "#14", "~jilin"]),
    );
    expect(anchorsOf("559,000 yuan")).toContain("#559000");
    expect(anchorsOf("NdFeB magnets")).toContain("@ndfeb");
    expect(anchorsOf("Baotou Steel supplies dysprosium")).toEqual(
      new Set(["~baotou", "~dysprosium"]),
    );
    expect(anchorsOf("包鋼向包頭供應鏑")).toEqual(new Set(["~baotou", "~baogang", "~dysprosium"]));
  });

  it("reads Chinese numerals", () => {
    expect(chineseNumeral("一九八九")).toBe(1989);
    expect(chineseNumeral("十七")).toBe(17);
    expect(chineseNumeral("三百")).toBe(300);
    expect(chineseNumeral("两千五百")).toBe(2500);
    expect(chineseNumeral("三万")).toBe(30000);
  });
});
