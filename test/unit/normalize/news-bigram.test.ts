import { describe, expect, it } from "vitest";
import { buildNewsBigramData } from "../../../pipelines/normalize/repair/models/news-bigram-build.ts";
import { NewsBigram, newsBigram } from "../../../pipelines/normalize/repair/news-bigram.ts";

// The layouts of ansj_seg's core.dic (id, word, base, check, status, counts per
// part of speech) and bigramdict.dic ("word@next\tcount").
const coreDic = [
  "1\t回收\t0\t0\t1\t{v=20,vn=2}",
  "2\t同时\t0\t0\t1\t{c=600,d=80}",
  "3\t利用\t0\t0\t1\t{v=349}",
  "4\t、\t0\t0\t1\t{w=23116}",
  "5\t江西\t0\t0\t1\t{ns=60}",
  "6\t喹\t0\t0\t1\tnull",
].join("\n");
const bigramDic = [
  "回收@利用\t2",
  "同时@利用\t1",
  "、@江西\t9",
  "始##始@同时\t40",
  "江西@未##数\t3",
].join("\r\n");

describe("news word bigrams", () => {
  const data = buildNewsBigramData(coreDic, bigramDic, { source: "test" });
  const model = new NewsBigram(data);

  it("keeps word pairs seen more than once, without sentence and number placeholders", () => {
    expect(data.next).toEqual({ 回收: { 利用: 2 }, "、": { 江西: 9 } });
    expect(data.words).toEqual({ 回收: 22, 利用: 349, "、": 23116, 江西: 60 });
    expect(data.total).toBe(22 + 680 + 349 + 23116 + 60);
  });

  it("keeps every character pair across a word boundary, pairs seen once included", () => {
    expect(data.boundary.next).toEqual({ 收: { 利: 2 }, 时: { 利: 1 }, "、": { 江: 9 } });
    expect(data.boundary.uni).toEqual({ 利: 3, 江: 9 });
  });

  it("rewards a pair seen together and charges every unseen pair the same", () => {
    expect(model.unseen).toBeLessThan(0);
    expect(model.bonus("回收", "利用")).toBeGreaterThan(0);
    expect(model.bonus("同时", "利用")).toBe(model.unseen);
    expect(model.bonus("未知", "利用")).toBe(model.unseen);
  });

  it("tells a likely continuation from an unlikely one in the shipped data", () => {
    const shipped = newsBigram();
    expect(shipped.bonus("回收", "利用")).toBeGreaterThan(shipped.bonus("同时", "利用"));
    expect(shipped.bonus("内蒙古", "、")).toBeGreaterThan(shipped.bonus("内蒙古", "。"));
  });
});
