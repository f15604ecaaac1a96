import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { decodeBytes } from "../../../pipelines/fetch/decode/decode-bytes.ts";
import { detectAndSplit } from "../../../pipelines/language/detect-and-split.ts";
import { extractHtml } from "../../../pipelines/normalize/clean/html-extract.ts";
import { takePortalLines } from "../../../pipelines/normalize/clean/portal-lines.ts";
import { normalize } from "../../../pipelines/normalize/normalize.ts";
import type { FetchedDocument } from "../../../shared/document.ts";

const zhPage = `<!DOCTYPE html><html><head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312" />
<meta http-equiv="Content-Language" content="zh-CN" />
<title>稀土永磁产业迎来新一轮调整_新闻中心</title>
<meta name="publishdate" content="2025-10-28" />
</head><body><div class="top_nav"><a href="/">首页</a> | <a href="/news/">新闻</a></div>
<div class="article" id="artibody">
<p>　　记者从中国稀土行业协会获悉，今年以来，受下游需求放缓和产品价格下跌影响，国内稀土永磁企业普遍面临利润下滑的压力。</p>
<p>　　专家认为，新能源汽车、风力发电和工业电机仍将是拉动需求的主要力量，行业整合有望加快推进。</p>
<p>　　业内人士指出，企业应加大研发投入，提升高端产品比重，增强抵御市场波动的能力。</p>
<p class="article-editor">责任编辑：赵小军</p></div>
<div class="page"><a href="/a/1.html">1</a><a href="/a/2.html">2</a><a href="/a/2.html">下一页</a></div>
<div class="footer">Copyright © 1998-2025 中华网 版权所有</div></body></html>`;

const fetched = (text: string, mediaType = "text/html"): FetchedDocument => ({
  id: "doc-1",
  source: { id: "src-1", uri: "https://example.com/a" },
  media_type: mediaType,
  text,
  encoding: { detected: "utf-8" },
  repairs: [],
  content_hash: "sha256:x",
  fetched_at: "2026-01-01T00:00:00Z",
});

describe("page hints", () => {
  it("reads the declared language from <html lang>, content-language or og:locale", () => {
    const body = "<body><p>Some text of the page, long enough.</p></body></html>";
    expect(extractHtml(`<html lang="de-AT">${body}`).hints.lang).toBe("de");
    expect(
      extractHtml(`<html><head><meta http-equiv="content-language" content="fr"></head>${body}`)
        .hints.lang,
    ).toBe("fr");
    expect(
      extractHtml(`<html><head><meta property="og:locale" content="es_ES"></head>${body}`).hints
        .lang,
    ).toBe("es");
    expect(extractHtml(`<html>${body}`).hints.lang).toBeNull();
  });

  it("notes a 下一页 link and takes 责任编辑 out of the body as a field", () => {
    const r = extractHtml(zhPage);
    expect(r.hints.nextPage).toBe("/a/2.html");
    expect(r.fields).toEqual({ editor: "赵小军" });
    expect(r.paragraphs.join("\n")).not.toMatch(/责任编辑|下一页|版权所有|首页/);
    expect(r.meta.published_at).toBe("2025-10-28");
  });

  it("prefers rel=next to a link label", () => {
    const r = extractHtml(
      `<html><head><link rel="next" href="/p/2"></head><body><p>Text of page one, with a sentence.</p><a href="/x">Next page</a></body></html>`,
    );
    expect(r.hints.nextPage).toBe("/p/2");
  });
});

describe("portal lines", () => {
  it("takes editor and source lines at the edges only", () => {
    const { paragraphs, fields } = takePortalLines([
      "来源：新华网",
      "正文第一段。",
      "正文第二段。",
      "正文第三段。",
      "文中说：来源：某某报告显示增长。",
      "正文第四段。",
      "(责任编辑：杨光、刘洋)",
    ]);
    expect(fields).toEqual({ source: "新华网", editor: "杨光、刘洋" });
    expect(paragraphs).toHaveLength(5);
  });

  it("splits several fields on one line and drops the staff code", () => {
    const { paragraphs, fields } = takePortalLines([
      "正文第一段。",
      "本文来源：上海证券报 责任编辑：王晓_NF5619",
    ]);
    expect(fields).toEqual({ source: "上海证券报", editor: "王晓" });
    expect(paragraphs).toEqual(["正文第一段。"]);
  });
});

describe("normalize on a GBK portal page", () => {
  it("decodes, extracts, and hands the declared language and pagination on", () => {
    const decoded = decodeBytes(iconv.encode(zhPage, "gbk"), { contentType: "text/html" });
    const doc = normalize({ ...fetched(decoded.text), encoding: decoded.encoding });
    expect(doc.title).toBe("稀土永磁产业迎来新一轮调整_新闻中心");
    expect(doc.body.split("\n\n")).toHaveLength(3);
    expect(doc.body.startsWith("记者从中国稀土行业协会获悉")).toBe(true);
    expect(doc.lang_prior).toBe("zh");
    expect(doc.next_page).toBe("/a/2.html");
    expect(doc.fields?.editor).toBe("赵小军");
  });
});

describe("the language stage reads the prior", () => {
  it("uses the declared language only when the text says nothing", () => {
    const base = normalize(
      fetched(
        `<html lang="de"><body><table><tr><td>2024</td><td>1.200</td></tr><tr><td>2025</td><td>1.350</td></tr></table></body></html>`,
      ),
    );
    const [doc] = detectAndSplit({ ...base, title: null });
    expect(doc?.lang).toBe("de");
    expect(doc?.lang_confidence).toBeLessThan(0.5);
    const english = normalize(
      fetched(
        `<html lang="de"><body><p>The plant started trial production on Thursday, months ahead of schedule, the company said.</p></body></html>`,
      ),
    );
    expect(detectAndSplit(english)[0]?.lang).toBe("en");
  });
});
