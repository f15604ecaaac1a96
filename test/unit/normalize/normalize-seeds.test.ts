import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { normalize } from "../../../pipelines/normalize/normalize.ts";
import type { FetchedDocument } from "../../../shared/document.ts";
import { normalizedDocumentSchema } from "../../../shared/document.ts";

function seed(name: string): FetchedDocument {
  const text = readFileSync(new URL(`../../../seeds/${name}`, import.meta.url), "utf8");
  return {
    id: name,
    source: { id: name, uri: `file://seeds/${name}` },
    media_type: "text/plain",
    text,
    encoding: { detected: "utf-8", confidence: 1 },
    repairs: [],
    content_hash: "sha256:test",
    fetched_at: "2026-01-01T00:00:00Z",
  };
}

const paragraphs = (body: string) => body.split("\n\n");

describe("normalize on the seeds", () => {
  it("000: title and byline taken, disclaimer and comment widget gone, article kept", () => {
    const doc = normalize(seed("000_8ecb7e1744039315.txt"));
    expect(normalizedDocumentSchema.parse(doc)).toBeTruthy();
    expect(doc.title).toBe(
      "Model Party Member Gong Bin of China Northern Rare Earth: A Pioneer in the Rare Earth Permanent Magnet Sector",
    );
    expect(doc.published_at).toBe("2025-11-21");
    expect(doc.fields?.publisher).toBe("Deep News");
    expect(doc.body.startsWith("Since joining the workforce, Gong Bin")).toBe(true);
    expect(doc.body.endsWith("contributing to high-quality industrial development.")).toBe(true);
    for (const gone of [
      "Disclaimer",
      "TTM assumes",
      "We need your insight",
      "Leave a comment",
      "\n\nComments",
    ]) {
      expect(doc.body).not.toContain(gone);
    }
    expect(doc.body).toContain(
      "For copper roller surface treatment—a critical production step—he pioneered",
    );
    expect(paragraphs(doc.body)).toHaveLength(9);
  });

  it("001: leading blank lines gone, contact lines gone, every paragraph kept", () => {
    const input = seed("001_52282be795692a14.txt");
    const doc = normalize(input);
    expect(doc.body.startsWith("SMM: October 15, the 12th China Baotou")).toBe(true);
    expect(doc.body).not.toMatch(/For queries|please email|@smm\.cn/);
    expect(doc.body.endsWith("applied products in China and even the world.")).toBe(true);
    const sourceLines = input.text.split("\n").filter((l) => l.trim() !== "");
    expect(paragraphs(doc.body)).toHaveLength(sourceLines.length - 2);
    expect(doc.fields?.publisher).toBe("SMM");
    // The near-repeat in 001 is a clause of two different sentences, not an exact repeat: kept.
    expect(
      doc.body.match(
        /industry chain of rare earth permanent magnet materials such as metal neodymium or praseodymium/g,
      ),
    ).toHaveLength(2);
  });

  it("002: highlights extracted, link residue and 'Leave a Reply' gone", () => {
    const doc = normalize(seed("002_f5b5b04f6f128909.txt"));
    expect(doc.highlights).toEqual([
      "CNRE leadership emphasizes mission-driven, collaborative innovation across departments to strengthen rare earth technology development",
      "Research teams are directed to prioritize demand-driven R&D, market assessments, and cutting-edge technological exploration",
      "The strategic meeting aims to support China’s ‘dual rare earth base’ strategy through integrated and pragmatic research approaches.",
    ]);
    expect(doc.body).not.toContain("Highlights");
    expect(doc.body).not.toContain("opens in a new tab");
    expect(doc.body).toContain(
      "held a strategic coordination meeting on scientific and technological innovation",
    );
    expect(doc.body).not.toContain("Leave a Reply");
    expect(paragraphs(doc.body)[1]).toBe("The Meeting");
  });

  it("003: mojibake repaired, highlights extracted, footer gone", () => {
    const doc = normalize(seed("003_f58dcddd2ff7dc9e.txt"));
    expect(doc.body).not.toMatch(/[\u0E00-\u0E7F]/);
    expect(doc.body.startsWith("Baogang Group’s internal news cycle")).toBe(true);
    expect(doc.body).toContain("met to “study and implement” recent speeches");
    expect(doc.highlights).toHaveLength(3);
    expect(doc.body).not.toMatch(/Disclaimer|Rare Earth Exchanges™|0 Comments/);
    expect(doc.body.endsWith("keeps Western supply chains exposed.")).toBe(true);
    expect(doc.repairs).toContainEqual(expect.objectContaining({ kind: "mojibake", count: 32 }));
  });

  it("004: header fields taken out, both languages kept in order for the language stage", () => {
    const doc = normalize(seed("004_17ef80d675522a88.txt"));
    expect(doc.title).toBe(
      "17 Units Join Forces to Develop High-Tech Industry: China Rare Earth Permanent Magnet Entrepreneurial Group Leverages Strengths to Expand Overseas Market",
    );
    expect(doc.author).toBeNull();
    expect(doc.published_at).toBe("1989-01-16");
    expect(doc.fields).toEqual({ edition: "3" });
    const ps = paragraphs(doc.body);
    expect(ps.slice(0, 2)).toEqual([
      "17 Units Join Forces to Develop High-Tech Industry",
      "China Rare Earth Permanent Magnet Entrepreneurial Group Leverages Strengths to Expand Overseas Market",
    ]);
    expect(ps[2]).toMatch(/^People's Daily reports:/);
    const hr = ps.indexOf("<hr />");
    expect(hr).toBe(5);
    expect(ps[hr + 1]).toBe("Original:");
    expect(ps[hr + 2]).toBe(
      "### 17个单位合力发展高技术产业  中国稀土永磁创业集团优势联合开拓海外市场",
    );
    expect(ps.slice(hr + 3, hr + 6)).toEqual(["1989-01-16", "第3版(科教·文化·体育)", "专栏："]);
    expect(ps.slice(hr + 6, hr + 8)).toEqual([
      "17个单位合力发展高技术产业",
      "中国稀土永磁创业集团优势联合开拓海外市场",
    ]);
    expect(ps.at(-1)).toMatch(/^在1月14日结束的集团全体会议上.*为理事单位。$/);
    expect(ps).toHaveLength(16);
    expect(doc.body).not.toMatch(/^(Title|Author|Date|Edition):/m);
  });

  it("keeps the bilingual divider lines wherever they are", () => {
    const text =
      "Rare earth news in English.\n\n---\n\n原文\n\n稀土新闻。\n\n译文\n\nEnglish translation:\n\nMore text.";
    const doc = normalize({ ...seed("000_8ecb7e1744039315.txt"), text });
    expect(paragraphs(doc.body)).toEqual([
      "Rare earth news in English.",
      "---",
      "原文",
      "稀土新闻。",
      "译文",
      "English translation:",
      "More text.",
    ]);
  });
});
