import { describe, expect, it } from "vitest";
import { findEntities } from "../../../pipelines/enrich/find-entities.ts";
import { foldCase } from "../../../pipelines/enrich/fold.ts";
import { knowledgeBase, namesOf } from "../../../shared/knowledge/knowledge-base.ts";

const idsOf = (text: string, lang: string) => findEntities(text, lang).map((e) => e.id);

describe("knowledge base", () => {
  it("holds the 17 rare-earth elements with Chinese names", () => {
    const elements = [
      "scandium",
      "yttrium",
      "lanthanum",
      "cerium",
      "praseodymium",
      "neodymium",
      "promethium",
      "samarium",
      "europium",
      "gadolinium",
      "terbium",
      "dysprosium",
      "holmium",
      "erbium",
      "thulium",
      "ytterbium",
      "lutetium",
    ];
    for (const element of elements) {
      const entry = knowledgeBase.get(`mat:${element}`);
      expect(entry?.type, element).toBe("material");
      expect(entry?.zh, element).toMatch(/^[\u4e00-\u9fff]$/u);
    }
  });

  it("never gives one name to two entities", () => {
    const owner = new Map<string, string>();
    const conflicts: string[] = [];
    for (const entry of knowledgeBase.values()) {
      for (const { name, caseSensitive } of namesOf(entry)) {
        const key = caseSensitive ? `exact:${name}` : foldCase(name);
        const other = owner.get(key);
        if (other && other !== entry.id) conflicts.push(`${name}: ${other} / ${entry.id}`);
        owner.set(key, entry.id);
      }
    }
    expect(conflicts).toEqual([]);
  });

  it("gives every entry a typed, prefixed id", () => {
    const prefix = { person: "per:", organization: "org:", location: "loc:", material: "mat:" };
    for (const [id, entry] of knowledgeBase) expect(id.startsWith(prefix[entry.type])).toBe(true);
  });
});

describe("aliases resolve to one canonical id", () => {
  it.each([
    ["China Northern Rare Earth reported", "en"],
    ["CNRE said", "en"],
    ["Northern Rare Earth Group held a meeting", "en"],
    ["China North rare Earth (Group) High-tech Co., Ltd. passed", "en"],
    ["北方稀土发布公告", "zh"],
  ])("%s → org:china-northern-rare-earth", (text, lang) => {
    expect(idsOf(text, lang)).toEqual(["org:china-northern-rare-earth"]);
  });

  it.each([
    ["Baotou Rare Earth Research Institute", "en"],
    ["the Metallurgical Ministry's Baotou Rare Earth Research Institute", "en"],
    ["冶金部包头稀土院", "zh"],
    ["包头稀土研究院", "zh"],
  ])("%s → org:baotou-rare-earth-research-institute", (text, lang) => {
    expect(idsOf(text, lang)).toContain("org:baotou-rare-earth-research-institute");
  });

  it.each([
    ["neodymium-iron-boron magnets", "en"],
    ["NdFeB production", "en"],
    ["Nd-Fe-B alloys", "en"],
    ["钕铁硼产业", "zh"],
  ])("%s → mat:ndfeb", (text, lang) => {
    expect(idsOf(text, lang)).toEqual(["mat:ndfeb"]);
  });

  it("knows that McGonagall Magnet is a garbled Magnequench", () => {
    expect(idsOf("monopolized by McGonagall Magnet in the United States", "en")).toEqual([
      "org:magnequench",
      "loc:united-states",
    ]);
  });

  it("knows NdPr in either order", () => {
    for (const text of [
      "neodymium-praseodymium alloy",
      "NdPr metal",
      "praseodymium-neodymium",
      "镨钕",
      "钕镨",
    ]) {
      expect(idsOf(text, "und"), text).toEqual(["mat:prnd"]);
    }
  });

  it("maps oxides and their Chinese names to the same material", () => {
    expect(idsOf("PrNd oxide prices rose", "en")).toEqual(["mat:prnd-oxide"]);
    expect(idsOf("氧化镨钕价格上涨", "zh")).toEqual(["mat:prnd-oxide"]);
  });

  it("prefers the longest name: the zone is not the city", () => {
    expect(idsOf("Baotou Rare Earth High-tech Zone", "en")).toEqual([
      "loc:baotou-rare-earth-high-tech-zone",
    ]);
    expect(idsOf("包头稀土高新区", "zh")).toEqual(["loc:baotou-rare-earth-high-tech-zone"]);
  });

  it("matches acronyms and element symbols only with their case and at word boundaries", () => {
    expect(idsOf("the case of cnre and Lab results", "en")).toEqual([]);
    expect(idsOf("Nd and Pr prices", "en")).toEqual(["mat:neodymium", "mat:praseodymium"]);
  });

  it("carries English and Chinese names for facets", () => {
    const [baotou] = findEntities("包头", "zh");
    expect(baotou).toMatchObject({ id: "loc:baotou", name: "Baotou", names: { zh: "包头" } });
  });
});

describe("Traditional Chinese", () => {
  it("resolves Traditional names to the same canonical ids and keeps the original text", () => {
    const text = "中國北方稀土在包頭擴大釹鐵硼產能至３萬噸";
    const entities = findEntities(text, "zh");
    expect(entities.map((e) => [e.id, e.mentions[0]?.text])).toEqual([
      ["org:china-northern-rare-earth", "中國北方稀土"],
      ["loc:baotou", "包頭"],
      ["mat:ndfeb", "釹鐵硼"],
      ["qty:t:30000", "３萬噸"],
    ]);
  });

  it("gives unknown Traditional names the id of their Simplified form", () => {
    const [traditional] = findEntities("副市長陳建國表示", "zh");
    const [simplified] = findEntities("副市长陈建国表示", "zh");
    expect(traditional?.id).toBe("per:陈建国");
    expect(traditional?.id).toBe(simplified?.id);
    expect(traditional?.mentions[0]?.text).toBe("陳建國");
  });
});

describe("languages", () => {
  it("runs the English recognisers only on English or undetermined text", () => {
    const text = "Wang Xiaoming visita Baotou con Kessock Metals.";
    expect(findEntities(text, "es").map((e) => e.id)).toEqual(["loc:baotou"]);
    expect(findEntities(text, "und").map((e) => e.id)).toContain("per:wang-xiaoming");
  });
});
