import { Jieba } from "@node-rs/jieba";
import { dict } from "@node-rs/jieba/dict.js";
import { describe, expect, it } from "vitest";
import { HanBigram, mergeHanBigramData } from "../../../pipelines/normalize/repair/han-bigram.ts";
import { HanPos, hanPos } from "../../../pipelines/normalize/repair/han-pos.ts";
import { buildHanBigramData } from "../../../pipelines/normalize/repair/models/han-bigram-build.ts";
import { buildHanPosData } from "../../../pipelines/normalize/repair/models/han-pos-build.ts";
import { damagedForm } from "../../../pipelines/normalize/repair/thai-code-page.ts";
import { bestWordPath } from "../../../pipelines/normalize/repair/word-lattice.ts";
import { lexicon } from "../../../pipelines/normalize/repair/word-lexicon.ts";

const prose = "记者从北京获悉，稀土价格企稳。记者从上海获悉，稀土出口增长。";

describe("prose character bigrams", () => {
  const model = new HanBigram(buildHanBigramData(prose));

  it("rewards a pair the prose has seen and charges one it has not", () => {
    const after = model.bonuses("记");
    expect(after?.get("者")).toBeGreaterThan(0);
    expect(after?.has("他")).toBe(false);
    expect(model.unseen("记")).toBeLessThan(0);
    expect(model.bonuses("龘")).toBeNull();
    // Of a character never seen at all, nothing is known: no charge.
    expect(model.unseen("龘")).toBe(0);
  });

  it("adds the counts of another source", () => {
    const more = buildHanBigramData("记他");
    const merged = mergeHanBigramData(buildHanBigramData(prose), more);
    expect(merged.next.记?.他).toBe(1);
    expect(merged.next.记?.者).toBe(2);
    expect(merged.uni.记).toBe(3);
  });
});

describe("word-class bigrams", () => {
  const jieba = Jieba.withDict(dict);
  const paragraphs = [
    "我们的目标很明确，企业的产品质量不断提高。",
    "公司的研发投入和地方的政策支持都很重要。",
  ].map((p) => jieba.tag(p, false));
  const model = new HanPos(buildHanPosData(paragraphs, 3));

  it("makes frequent words classes of their own and learns what follows them", () => {
    // "的" occurs four times: its own class, followed by nouns.
    expect(model.classOf("的", "uj")).toBe("的");
    expect(model.classOf("目标", "n")).toBe("n");
    expect(model.row("的").get("n")).toBeGreaterThan(0);
    expect(model.row("的").get("，") ?? 0).toBeLessThan(0);
  });

  it("keeps CJK punctuation as classes: 、 and 。 are told apart", () => {
    expect(model.classOf("。", "x")).toBe("。");
    expect(hanPos().row("n").get("、")).toBeGreaterThan(hanPos().row("uj").get("、") ?? 0);
  });
});

describe("words by damaged form", () => {
  it("finds every dictionary word whose damaged form fits, including rare ones", () => {
    const forms = [..."稀土"].map((c) => damagedForm(c, "iso-8859-11"));
    const node = lexicon()
      .forms.children.get(forms[0] ?? "")
      ?.children.get(forms[1] ?? "");
    const words = node?.words.map((w) => w.chars.join("")) ?? [];
    expect(words).toContain("稀土");
    for (const w of words) {
      expect([...w].map((c) => damagedForm(c, "iso-8859-11"))).toEqual(forms);
    }
  });

  it("chooses words in context over a damaged run", () => {
    const text = "记者从中国稀土行业协会获悉，稀土出口增长。";
    const forms = [...text].map((c) => damagedForm(c, "iso-8859-11"));
    // Every character as ambiguous as the damage makes it: all words of that form.
    const slots = forms.map((f, i) => {
      const chars = new Set<string>([[...text][i] ?? ""]);
      for (const w of lexicon().singles.values())
        if (damagedForm(w.first, "iso-8859-11") === f) chars.add(w.first);
      return [...chars];
    });
    expect(slots.filter((s) => s.length > 20).length).toBeGreaterThan(5);
    expect(bestWordPath(slots, forms).join("")).toBe(text);
  });
});
