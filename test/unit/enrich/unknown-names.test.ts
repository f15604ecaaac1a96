import { describe, expect, it } from "vitest";
import { findEntities } from "../../../pipelines/enrich/find-entities.ts";

const summary = (text: string, lang: string) =>
  findEntities(text, lang).map(
    (e) => `${e.type} ${e.id} ${e.mentions.map((m) => m.text).join("|")}`,
  );

describe("English names no list knows", () => {
  it("finds companies by their suffix and gives them a stable slug id", () => {
    expect(
      summary("Torngat Metals signed with Qiming Magnetics Co., Ltd. on Monday.", "en"),
    ).toEqual([
      "organization org:torngat-metals Torngat Metals",
      "organization org:qiming-magnetics Qiming Magnetics Co., Ltd.",
    ]);
  });

  it("finds romanised Chinese people and their later family-name mentions", () => {
    expect(summary("Wang Xiaoming, general manager, said Wang expects growth.", "en")).toEqual([
      "person per:wang-xiaoming Wang Xiaoming|Wang",
    ]);
  });

  it("finds Western people and places with compromise", () => {
    const found = summary("Emily Carter flew to Chile last week.", "en");
    expect(found).toContain("person per:emily-carter Emily Carter");
    expect(found).toContain("location loc:chile Chile");
  });

  it("links a declared abbreviation to the organisation", () => {
    expect(
      summary(
        'Baotou Xinrui Alloy Co., Ltd. (hereinafter referred to as "Xinrui Alloy") expanded. Xinrui Alloy grew.',
        "en",
      ),
    ).toEqual([
      "organization org:baotou-xinrui-alloy Baotou Xinrui Alloy Co., Ltd.|Xinrui Alloy|Xinrui Alloy",
    ]);
  });

  it("splits a person from the company after 'of'", () => {
    expect(summary("Model worker Liu Dawei of Qiming Magnetics Co., Ltd. spoke.", "en")).toEqual([
      "person per:liu-dawei Liu Dawei",
      "organization org:qiming-magnetics Qiming Magnetics Co., Ltd.",
    ]);
  });

  it("keeps headings, department names and sentence starts out", () => {
    const text = [
      "Strengthening Party Building and Fulfilling Duties",
      "The Technology Center and the Marketing Department met. The Company said In May the Board agreed.",
      "Accelerating Transparency, Accuracy, and Insight Across the Rare Earth & Critical Minerals Supply Chain.",
    ].join("\n\n");
    expect(summary(text, "en")).toEqual([]);
  });
});

describe("Chinese names no list knows", () => {
  it("finds a company by its suffix without swallowing the verb before it", () => {
    expect(summary("公司宣布，推举四川润和催化新材料股份有限公司为理事单位。", "zh")).toContain(
      "organization org:四川润和催化新材料 四川润和催化新材料股份有限公司",
    );
  });

  it("keeps a known parent organisation apart from the unit after it", () => {
    expect(summary("中科院三环新材料研究开发公司", "zh")).toEqual([
      "organization org:cas 中科院",
      "organization org:cas-three-ring 三环新材料研究开发公司",
    ]);
  });

  it("finds people between a title and a reporting verb", () => {
    expect(summary("赣州市副市长李建华表示，院长王俊在会上指出", "zh")).toEqual([
      "location loc:ganzhou 赣州市",
      "person per:李建华 李建华",
      "person per:王俊 王俊",
    ]);
  });

  it("finds mine sites and counties next to known places", () => {
    const found = summary("四川冕宁的牦牛坪稀土矿和福建长汀", "zh");
    expect(found).toContain("location loc:牦牛坪 牦牛坪");
    expect(found).toContain("location loc:长汀 长汀");
  });

  it("does not take references for names", () => {
    expect(summary("该公司和子公司的产能", "zh")).toEqual([]);
  });
});
