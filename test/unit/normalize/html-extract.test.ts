import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { decodeBytes } from "../../../pipelines/fetch/decode/decode-bytes.ts";
import { extractHtml } from "../../../pipelines/normalize/clean/html-extract.ts";
import { normalize } from "../../../pipelines/normalize/normalize.ts";
import type { FetchedDocument } from "../../../shared/document.ts";
import { damage } from "../../bench/damage-kinds.ts";

const page = `<!doctype html>
<html><head>
  <title>Magnet plant runs at half capacity | Metals Daily</title>
  <meta property="og:title" content="Magnet plant runs at half capacity">
  <meta property="og:site_name" content="Metals Daily">
  <meta name="author" content="Jane Doe">
  <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
    "headline":"Magnet plant runs at half capacity","datePublished":"2024-03-05T08:00:00Z",
    "author":{"@type":"Person","name":"Jane Doe"},"publisher":{"@type":"Organization","name":"Metals Daily"}}</script>
  <style>p { color: red }</style>
</head><body class="single tag-rare-earth">
  <nav><a href="/">Home</a><a href="/markets">Markets</a></nav>
  <header class="site-header"><div class="menu">Subscribe now</div></header>
  <article>
    <h1>Magnet plant runs at half capacity</h1>
    <time datetime="2024-03-05">5 March 2024</time>
    <p>Europe’s only large magnet plant is running at half capacity.</p>
    <div class="share-buttons"><a>Share on X</a><a>Share on LinkedIn</a></div>
    <h2>Prices</h2>
    <p>Prices fell 20–30% this year, the director said.</p>
    <ul><li>Output: 1,200 t</li><li>Capacity: 2,500 t</li></ul>
    <script>trackPageView()</script>
  </article>
  <aside class="related">Related: Copper rises</aside>
  <section id="comments"><h3>3 Comments</h3><p>Great article!</p></section>
  <footer>© 2024 Metals Daily</footer>
</body></html>`;

describe("extractHtml", () => {
  it("keeps headings and paragraphs of the article, drops the chrome", () => {
    const { paragraphs } = extractHtml(page);
    expect(paragraphs).toEqual([
      "Europe’s only large magnet plant is running at half capacity.",
      "Prices",
      "Prices fell 20–30% this year, the director said.",
      "Output: 1,200 t",
      "Capacity: 2,500 t",
    ]);
  });

  it("reads metadata from Open Graph, JSON-LD and <time>", () => {
    expect(extractHtml(page).meta).toEqual({
      title: "Magnet plant runs at half capacity",
      subtitle: null,
      author: "Jane Doe",
      published_at: "2024-03-05T08:00:00Z",
      publisher: "Metals Daily",
    });
  });

  it("falls back to <title> and <time> when there is no Open Graph or JSON-LD", () => {
    const html = `<html><head><title>Plain page</title></head><body><main><p>Text one.</p><time datetime="2023-11-02">Nov 2</time></main></body></html>`;
    const { meta, paragraphs } = extractHtml(html);
    expect(meta.title).toBe("Plain page");
    expect(meta.published_at).toBe("2023-11-02");
    expect(paragraphs).toEqual(["Text one."]);
  });

  it("survives broken JSON-LD", () => {
    const html = `<html><head><script type="application/ld+json">{not json</script></head><body><p>Body.</p></body></html>`;
    expect(extractHtml(html).paragraphs).toEqual(["Body."]);
  });
});

describe("normalize on HTML", () => {
  const doc = (text: string): FetchedDocument => ({
    id: "doc-1",
    source: { id: "src-1", uri: "https://example.com/a" },
    media_type: "text/html; charset=utf-8",
    text,
    encoding: { detected: "utf-8" },
    repairs: [],
    content_hash: "sha256:x",
    fetched_at: "2026-01-01T00:00:00Z",
  });

  it("produces the article with its metadata and publisher", () => {
    const out = normalize(doc(page));
    expect(out.title).toBe("Magnet plant runs at half capacity");
    expect(out.author).toBe("Jane Doe");
    expect(out.published_at).toBe("2024-03-05T08:00:00Z");
    expect(out.source.publisher).toBe("Metals Daily");
    expect(out.body.split("\n\n")[0]).toBe(
      "Europe’s only large magnet plant is running at half capacity.",
    );
    expect(out.body).not.toMatch(/Share on|Great article|Subscribe|Related|Home/);
  });

  it("repairs a damaged title together with the damaged page it heads", () => {
    const clean = `<html><head><title>Baogang Group’s “new” plan</title></head><body>
      <p>The group’s plan—announced on Monday—aims at “high-quality development.”</p></body></html>`;
    const broken = damage(clean, "utf8-as-iso-8859-11-c1-dropped");
    const out = normalize(doc(broken));
    expect(out.title).toBe("Baogang Group’s “new” plan");
    expect(out.body).toBe(
      "The group’s plan—announced on Monday—aims at “high-quality development.”",
    );
    expect(out.repairs).toContainEqual(expect.objectContaining({ kind: "mojibake", count: 8 }));
  });

  it("decodes and cleans a GBK page with no charset declaration end to end", () => {
    const html = `<html><head><title>稀土永磁产业迎来新一轮调整</title></head><body>
      <div class="nav">首页 新闻 评论</div>
      <div class="content"><p>记者从中国稀土行业协会获悉，今年以来，受下游需求放缓和产品价格下跌影响，国内稀土永磁企业普遍面临利润下滑的压力。</p>
      <p>专家认为，新能源汽车、风力发电和工业电机仍将是拉动需求的主要力量。</p></div></body></html>`;
    const decoded = decodeBytes(iconv.encode(html, "gbk"));
    const out = normalize({
      ...doc(decoded.text),
      encoding: decoded.encoding,
      repairs: decoded.repairs,
    });
    expect(out.title).toBe("稀土永磁产业迎来新一轮调整");
    expect(out.body).toBe(
      "记者从中国稀土行业协会获悉，今年以来，受下游需求放缓和产品价格下跌影响，国内稀土永磁企业普遍面临利润下滑的压力。\n\n专家认为，新能源汽车、风力发电和工业电机仍将是拉动需求的主要力量。",
    );
    expect(out.encoding.detected).toBe("gb18030");
  });
});
