import { describe, expect, it } from "vitest";
import { extractHtml } from "../../../pipelines/normalize/clean/html-extract.ts";

const para = (n: number, lang: "en" | "zh" = "en") =>
  lang === "zh"
    ? `第${n}段：记者从有关部门获悉，今年以来当地稀土产业保持平稳增长，重点项目建设进展顺利，企业研发投入持续加大。`
    : `Paragraph ${n} of the story says that output at the plant rose again this quarter, while prices for oxides stayed well above last year's level.`;
const story = (count: number, lang: "en" | "zh" = "en") =>
  Array.from({ length: count }, (_, i) => para(i + 1, lang));
const ps = (texts: string[]) => texts.map((t) => `<p>${t}</p>`).join("\n");
const text = (html: string) => extractHtml(html).paragraphs.join("\n");

describe("class and id names are evidence, not a veto", () => {
  it("keeps a Blogger post inside `widget Blog`", () => {
    const html = `<html><body><div class="main section"><div class="widget Blog" id="Blog1"><div class="post hentry"><div class="post-body entry-content">${story(4).join("<br><br>")}</div></div></div></div>
      <div class="sidebar"><div class="widget PopularPosts"><ul><li><a href="/a">Popular one</a></li><li><a href="/b">Popular two</a></li></ul></div></div></body></html>`;
    const out = text(html);
    for (const p of story(4)) expect(out).toContain(p);
    expect(out).not.toContain("Popular one");
  });

  it("keeps a story inside layout wrappers named after sidebars, tags, ads and navigation", () => {
    const html = `<html><body class="single tag-rare-earth"><div class="l-outer--nav"><div class="site-inner content-sidebar-wrap">
      <main class="content"><article class="post tag-magnets tag-china"><div class="entry-content article-body--has-ads">${ps(story(5))}
      <div class="share-zone"><a>Share on X</a><a>Share on LinkedIn</a></div></div></article></main>
      <aside class="sidebar l-sidebar-fixed"><section class="widget"><h3>Recent</h3><ul><li><a href="/x">Other story one</a></li></ul></section></aside></div></div></body></html>`;
    const out = text(html);
    for (const p of story(5)) expect(out).toContain(p);
    expect(out).not.toMatch(/Share on|Other story one/);
  });
});

describe("structure", () => {
  it("takes the story's <article>, not the teaser <article>s before it", () => {
    const html = `<html><head><meta property="og:title" content="The real story"></head><body>
      <article class="teaser"><h3><a href="/t1">Teaser one</a></h3><p>Short teaser text here.</p></article>
      <article class="teaser"><h3><a href="/t2">Teaser two</a></h3><p>Another short teaser.</p></article>
      <article class="story"><h1>The real story</h1>${ps(story(5))}</article></body></html>`;
    const out = text(html);
    for (const p of story(5)) expect(out).toContain(p);
    expect(out).not.toContain("Teaser");
  });

  it("drops the next story appended by infinite scroll", () => {
    const next = story(4).map((p) => p.replace("Paragraph", "Next-story paragraph"));
    const html = `<html><head><meta property="og:title" content="First story"></head><body><div class="stream">
      <article><h1>First story</h1>${ps(story(4))}</article>
      <article><h1>Second story</h1>${ps(next)}</article></div></body></html>`;
    const out = text(html);
    for (const p of story(4)) expect(out).toContain(p);
    expect(out).not.toContain("Next-story");
  });

  it("reads text that sits directly in <div>s with <br>, even when the page has <p>s elsewhere", () => {
    const html = `<html><body><div id="content"><div class="text">${story(4, "zh").join("<br><br>\n")}</div></div>
      <div class="footer"><p>关于我们</p><p>Copyright © 2025 某某网 版权所有</p></div></body></html>`;
    const out = text(html);
    for (const p of story(4, "zh")) expect(out).toContain(p);
    expect(out).not.toContain("版权所有");
  });

  it("keeps an article body that is marked up as an <aside>", () => {
    const html = `<html><body><nav><a href="/">Home</a></nav><aside class="col-main">${ps(story(4))}</aside>
      <aside class="col-right"><a href="/w">Weather</a></aside></body></html>`;
    const out = text(html);
    for (const p of story(4)) expect(out).toContain(p);
  });

  it("keeps lists and tables inside the story", () => {
    const html = `<html><body><article>${ps(story(3))}<ul><li>Output: 1,200 t</li><li>Capacity: 2,500 t</li></ul>
      <table><tr><th>Year</th><th>Output</th></tr><tr><td>2024</td><td>1,100 t</td></tr></table>${ps(story(2))}</article></body></html>`;
    const out = text(html);
    expect(out).toContain("Output: 1,200 t");
    expect(out).toContain("1,100 t");
  });

  it("drops related-post blocks, navigation, captions and tag lines inside the story container", () => {
    const html = `<html><body><div class="entry-content">${ps(story(2))}
      <figure><img src="a.jpg"><figcaption>The plant at night. Photo: Agency</figcaption></figure>${ps(story(3).slice(2))}
      <div id="jp-relatedposts" class="jp-relatedposts"><h3>Related</h3><p><a href="/r">A related post about magnets</a></p></div>
      <div class="ce_relatedArticles"><a href="/r2">Another related article</a></div>
      <div class="navigation"><a href="/prev">« Older</a> <a href="/next">Newer »</a></div>
      <p class="tags">Tagged: <a>magnets</a>, <a>China</a></p></div></body></html>`;
    const out = text(html);
    for (const p of story(2)) expect(out).toContain(p);
    expect(out).not.toMatch(/Photo: Agency|related post|Another related|Older|Tagged/);
  });
});

describe("comments", () => {
  it("keeps comments out of the body without losing the article around them", () => {
    const html = `<html><body><article class="post">${ps(story(4))}
      <section id="comments" class="comments-area"><h2>12 Comments</h2>
      <div class="comment"><p>I think this analysis misses the point about supply, which has been tight for years now.</p></div>
      <div class="comment"><p>Great piece, thanks for writing it up in so much detail for all of us.</p></div></section></article></body></html>`;
    const out = text(html);
    for (const p of story(4)) expect(out).toContain(p);
    expect(out).not.toMatch(/misses the point|Great piece|12 Comments/);
  });

  it("recognises a comment thread by its heading when no class name says so", () => {
    const comments = Array.from(
      { length: 6 },
      (_, i) =>
        `<div class="item"><div class="who">user${i}</div><div class="say">Reader remark number ${i}: I have followed this for a long time, and I am not convinced by the numbers given here at all.</div></div>`,
    ).join("");
    const html = `<html><body><div class="box">${ps(story(3))}</div><div class="box2"><h3>Reader comments (6)</h3>${comments}</div></body></html>`;
    const out = text(html);
    for (const p of story(3)) expect(out).toContain(p);
    expect(out).not.toContain("Reader remark");
  });
});

describe("the cascade", () => {
  it("never returns an empty body for a page with prose", () => {
    const html = `<html><body><div class="comments">${ps(story(3))}</div></body></html>`;
    const out = text(html);
    for (const p of story(3)) expect(out).toContain(p);
  });

  it("falls back on JSON-LD articleBody when the markup holds no prose", () => {
    const html = `<html><head><script type="application/ld+json">{"@type":"NewsArticle","headline":"H","articleBody":"First line of the body.\\nSecond line of the body."}</script></head><body><div id="root"></div></body></html>`;
    const r = extractHtml(html);
    expect(r.paragraphs).toEqual(["First line of the body.", "Second line of the body."]);
    expect(r.method).toBe("json-ld");
  });
});

describe("bilingual pages", () => {
  it("keeps both language versions when they sit in sibling <article>s", () => {
    const html = `<html><head><meta property="og:title" content="Plant output rises"></head><body>
      <article lang="en"><h1>Plant output rises</h1>${ps(story(3))}</article>
      <article lang="zh"><h1>工厂产量上升</h1>${ps(story(3, "zh"))}</article></body></html>`;
    const out = text(html);
    for (const p of [...story(3), ...story(3, "zh")]) expect(out).toContain(p);
  });
});

describe("Readability, the cascade's second method", () => {
  it("reads paragraphs from Readability's pick, without captions and link lists", async () => {
    const { readabilityParagraphs } = await import(
      "../../../pipelines/normalize/clean/readability-fallback.ts"
    );
    const html = `<html><body><nav><a href="/">Home</a> <a href="/n">News</a></nav><div class="story">${ps(story(5))}
      <figure><img src="a.jpg"><figcaption>Caption text here.</figcaption></figure></div></body></html>`;
    const out = readabilityParagraphs(html).join("\n");
    for (const p of story(5)) expect(out).toContain(p);
    expect(out).not.toMatch(/Caption text|Home/);
  });
});

describe("JSON-LD articleBody", () => {
  it("replaces a teaser when the page's data holds the whole article", () => {
    const body = story(6).join("\n");
    const html = `<html><head><script type="application/ld+json">${JSON.stringify({ "@type": "NewsArticle", headline: "H", articleBody: body })}</script></head>
      <body><div class="teaser"><p>${para(1)}</p></div><div id="app"></div></body></html>`;
    const r = extractHtml(html);
    expect(r.method).toBe("json-ld");
    expect(r.paragraphs).toEqual(story(6));
  });
});

describe("a short story next to more prose than its own", () => {
  const excerpts = Array.from(
    { length: 6 },
    (_, i) =>
      `Excerpt ${i}: a different story about the town's finances, in which the treasurer explains why the budget gap has widened again this year despite the cuts.`,
  );

  it("keeps the story when its comment thread is four times longer", () => {
    const comments = excerpts.map(
      (e) => `<div class="c"><p>${e.replace("Excerpt", "Comment")}</p></div>`,
    );
    const html = `<html><head><title>Council approves cycle lanes</title></head><body><article><h1>Council approves cycle lanes</h1>${ps(story(2))}
      <section class="comments-area"><h3>8 thoughts on this</h3>${comments.join("")}</section></article></body></html>`;
    const out = text(html);
    for (const p of story(2)) expect(out).toContain(p);
    expect(out).not.toContain("Comment 0");
  });

  it("keeps the story when a sidebar of excerpts outweighs it", () => {
    const items = excerpts.map(
      (e, i) => `<div class="item"><h4><a href="/${i}">Story ${i}</a></h4><p>${e}</p></div>`,
    );
    const html = `<html><head><title>Council approves cycle lanes</title></head><body><div class="page"><article><h1>Council approves cycle lanes</h1>${ps(story(2))}</article>
      <div class="sidebar"><h3>You may also like</h3>${items.join("")}</div></div></body></html>`;
    const out = text(html);
    for (const p of story(2)) expect(out).toContain(p);
    expect(out).not.toContain("Excerpt 0");
  });
});

describe("a story wrapper named like a comment thread", () => {
  it("is not demoted when the story starts in it", () => {
    const side = `<div class="box"><p>Side note: the weekly market column, written by our analysts, follows all the metals we cover.</p></div>`;
    const html = `<html><head><title>Plant output rises</title></head><body><h1>Plant output rises</h1>
      <div class="article commentable">${ps(story(4))}</div>${side}</body></html>`;
    const out = text(html);
    for (const p of story(4)) expect(out).toContain(p);
  });
});
