import { describe, expect, it } from "vitest";
import { findEntities } from "../../../pipelines/enrich/find-entities.ts";

const summary = (text: string, lang: string) =>
  findEntities(text, lang).map(
    (e) => `${e.type} ${e.id} ${e.mentions.map((m) => m.text).join("|")}`,
  );

describe("English names no list knows", () => {
  it("finds companies by their suffix and gives them a stable slug id", () => {
    expect(
      summary("Kessock Metals signed with Qiming Magnetics Co., Ltd. on Monday.", "en"),
    ).toEqual([
      "organization org:kessock-metals Kessock Metals",
      "organization org:qiming-magnetics Qiming Magnetics Co., Ltd.",
    ]);
  });

  it("finds romanised Chinese people and their later family-name mentions", () => {
    expect(summary("Wang Xiaoming, general manager, said Wang expects growth.", "en")).toEqual([
      "person per:wang-xiaoming Wang Xiaoming|Wang",
    ]);
  });

  it("does not cut a person out of a hyphenated name", () => {
    expect(summary("The state company Tau-Ken Samruk said so.", "en")).not.toContainEqual(
      expect.stringContaining("per:ken-samruk"),
    );
  });

  it("finds Western people and places with compromise", () => {
    const found = summary("Emily Carter flew to Chile last week.", "en");
    expect(found).toContain("person per:emily-carter Emily Carter");
    expect(found).toContain("location loc:chile Chile");
  });

  it("finds companies named after a metal and islands", () => {
    expect(summary("Kessock Zinc shipped ore past the Farrow Islands on Monday.", "en")).toEqual([
      "organization org:kessock-zinc Kessock Zinc",
      "location loc:farrow-islands Farrow Islands",
    ]);
  });

  it("takes a capitalised word closing an 'in' clause for a place, but not a month", () => {
    expect(summary("It built a refinery in Ulsan, and expanded in August.", "en")).toEqual([
      "location loc:ulsan Ulsan",
    ]);
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
      "Read More: Why Beijing Controls Rare Earths",
      "In May, traders said the Critical Raw Materials Act was slow.",
    ].join("\n\n");
    expect(summary(text, "en")).toEqual(["location loc:beijing Beijing"]);
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
    expect(summary("江西定南的岭北稀土矿", "zh")).toEqual([
      "location loc:jiangxi 江西",
      "location loc:定南 定南",
      "location loc:岭北 岭北",
    ]);
  });

  it("finds government bodies and customs offices", () => {
    expect(
      summary("记者从广西壮族自治区自然资源厅获悉，另据南宁海关统计，包头市税务局表示", "zh"),
    ).toEqual([
      "organization org:广西壮族自治区自然资源厅 广西壮族自治区自然资源厅",
      "organization org:南宁海关 南宁海关",
      "organization org:包头市税务局 包头市税务局",
    ]);
  });

  it("splits a unit from its known parent, but keeps a known brand inside a subsidiary's name", () => {
    expect(summary("工业和信息化部原材料工业司负责人说，乐山盛和稀土有限公司扩产", "zh")).toEqual([
      "organization org:miit 工业和信息化部",
      "organization org:原材料工业司 原材料工业司",
      "organization org:乐山盛和稀土 乐山盛和稀土有限公司",
    ]);
  });

  it("keeps a place and a known company apart, and a conjunction out of names", () => {
    expect(summary("德国真空熔炼公司的代表，商务部和海关总署", "zh")).toEqual([
      "location loc:germany 德国",
      "organization org:vac 真空熔炼公司",
      "organization org:mofcom 商务部",
      "organization org:china-customs 海关总署",
    ]);
  });

  it("does not take 格局 or 布局 for a bureau", () => {
    expect(summary("稀土产业的格局和布局", "zh")).toEqual([]);
  });

  it("finds research bodies with descriptive names", () => {
    expect(summary("共建的离子型稀土绿色开采研究中心于昨日揭牌", "zh")).toEqual([
      "organization org:离子型稀土绿色开采研究中心 离子型稀土绿色开采研究中心",
    ]);
  });

  it("does not take references for names", () => {
    expect(summary("该公司和子公司的产能", "zh")).toEqual([]);
  });
});

describe("names found by the words around them", () => {
  it("reads organisation cues, '-based' places and sister companies of known ones", () => {
    const text =
      "Analysts at Kessock Partners said the Ulsan-based unit of Hyundai Mobis is growing, and miner Torvane Metals agreed.";
    expect(summary(text, "en")).toEqual([
      "organization org:kessock-partners Kessock Partners",
      "location loc:ulsan Ulsan",
      "organization org:hyundai-mobis Hyundai Mobis",
      "organization org:torvane-metals Torvane Metals",
    ]);
  });

  it("does not extend a known name into a title-case heading", () => {
    const ids = summary(
      "China Rare Earth Permanent Magnet Entrepreneurial Group Leverages Strengths",
      "en",
    );
    expect(ids).toEqual([
      "organization org:china-rare-earth-pm-group China Rare Earth Permanent Magnet Entrepreneurial Group",
    ]);
  });
});
