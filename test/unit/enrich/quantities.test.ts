import { describe, expect, it } from "vitest";
import { findEntities } from "../../../pipelines/enrich/find-entities.ts";

function only(text: string, lang = "und", referenceDate: string | null = null) {
  const entities = findEntities(text, lang, { referenceDate });
  expect(entities, JSON.stringify(entities)).toHaveLength(1);
  const [entity] = entities;
  return {
    id: entity?.id,
    type: entity?.type,
    value: entity?.value,
    unit: entity?.unit,
    name: entity?.name,
    text: entity?.mentions[0]?.text,
  };
}

describe("money", () => {
  it.each([
    ["saving RMB 1.71 million a year", "money:cny:1710000", 1_710_000, "RMB 1.71 million"],
    ["saving RMB 1.71M annually", "money:cny:1710000", 1_710_000, "RMB 1.71M"],
    ["output value of 310 million yuan", "money:cny:310000000", 310_000_000, "310 million yuan"],
    ["priced at ¥750,000 per tonne", "money:cny:750000", 750_000, "¥750,000"],
    ["a $61.2 million grant", "money:usd:61200000", 61_200_000, "$61.2 million"],
    ["营业收入1.71亿元", "money:cny:171000000", 171_000_000, "1.71亿元"],
    ["投资５０００万元", "money:cny:50000000", 50_000_000, "５０００万元"],
    ["总投资三千万元", "money:cny:30000000", 30_000_000, "三千万元"],
    ["均价为４０.２万元", "money:cny:402000", 402_000, "４０.２万元"],
    ["a A$1.65 billion loan", "money:aud:1650000000", 1_650_000_000, "A$1.65 billion"],
  ])("%s", (text, id, value, mention) => {
    expect(only(text)).toMatchObject({ id, type: "money", value, text: mention });
  });
});

describe("quantities", () => {
  it.each([
    ["an annual output of 5000 tons", "qty:t:5000", 5000, "t", "5000 tons"],
    ["capacity of 50,000 tons", "qty:t:50000", 50_000, "t", "50,000 tons"],
    ["500t injection magnet", "qty:t:500", 500, "t", "500t"],
    ["~80 m³/day reduced", "qty:m3-per-day:80", 80, "m3/day", "80 m³/day"],
    ["年产３０００吨", "qty:t:3000", 3000, "t", "３０００吨"],
    ["提高到３０万吨", "qty:t:300000", 300_000, "t", "３０万吨"],
    ["2,000 tonnes a year", "qty:t-per-year:2000", 2000, "t/year", "2,000 tonnes a year"],
    ["50 kilograms of oxide", "qty:kg:50", 50, "kg", "50 kilograms"],
  ])("%s", (text, id, value, unit, mention) => {
    expect(only(text)).toMatchObject({ id, type: "quantity", value, unit, text: mention });
  });
});

describe("percentages", () => {
  it.each([
    ["efficiency rose by 260%", "pct:260", 260, "260%"],
    ["同比下跌百分之八", "pct:8", 8, "百分之八"],
    ["同比下跌百分之二十五", "pct:25", 25, "百分之二十五"],
    ["９５％以上", "pct:95", 95, "９５％"],
    ["up 8.7 percent", "pct:8.7", 8.7, "8.7 percent"],
  ])("%s", (text, id, value, mention) => {
    expect(only(text)).toMatchObject({ id, type: "percent", value, text: mention });
  });
});

describe("dates", () => {
  it.each([
    ["On December 30, 2015, the group", null, "date:2015-12-30", "December 30, 2015"],
    ["which concluded on January 14", "1989-01-16", "date:1989-01-14", "January 14"],
    ["在１月１４日结束的会议", "1989-01-16", "date:1989-01-14", "１月１４日"],
    ["于2024年6月18日投产", null, "date:2024-06-18", "2024年6月18日"],
    ["它是１９８３年才问世的", null, "date:1983", "１９８３年"],
    ["一九八三年", null, "date:1983", "一九八三年"],
    ["as of September 2020", null, "date:2020-09", "September 2020"],
    ["Deep News2025-11-21", null, "date:2025-11-21", "2025-11-21"],
    ["since 2004, it has", null, "date:2004", "2004"],
    ["in the 1970s", null, "date:1970s", "1970s"],
    ["held on October 15", null, "date:--10-15", "October 15"],
  ])("%s", (text, reference, id, mention) => {
    const lang = /[\u4e00-\u9fff]/u.test(text) ? "zh" : "en";
    expect(only(text, lang, reference)).toMatchObject({ id, type: "date", text: mention });
  });

  it("puts the ISO date in the name", () => {
    expect(only("On December 30, 2015", "en")).toMatchObject({ name: "2015-12-30", unit: "date" });
  });

  it("does not take counts, amounts or the verb 'may' for dates", () => {
    const ids = findEntities(
      "It may add 2000 tons and 1999 sets, code 8272, 24 minutes.",
      "en",
    ).map((e) => e.id);
    expect(ids).toEqual(["qty:t:2000", "qty:set:1999"]);
  });
});

describe("more written forms", () => {
  it.each([
    ["a 10,000-tonne plant", "qty:t:10000", "10,000-tonne"],
    ["capacity of 12,000 tpa", "qty:t-per-year:12000", "12,000 tpa"],
    ["5 million USD in grants", "money:usd:5000000", "5 million USD"],
    ["投资5亿人民币", "money:cny:500000000", "5亿人民币"],
    ["发布于2025/10/09", "date:2025-10-09", "2025/10/09"],
    ["发布于2025.1.9", "date:2025-01-09", "2025.1.9"],
    ["it will spend 1.2 trillion won", "money:krw:1200000000000", "1.2 trillion won"],
    ["a HK$3.5 billion deal", "money:hkd:3500000000", "HK$3.5 billion"],
    ["投资３００亿韩元", "money:krw:30000000000", "３００亿韩元"],
  ])("%s", (text, id, mention) => {
    expect(only(text)).toMatchObject({ id, text: mention });
  });
});
