import { readFileSync } from "node:fs";
import { extractHtml } from "./pipelines/normalize/clean/html-extract.ts";
const base = readFileSync("test/fixtures/html/006-wordpress-baotou-hightech.html", "utf8");
const script = `<script>window.__STATE__=${JSON.stringify({ items: Array.from({ length: 3000 }, (_, i) => ({ id: i, title: "Item number " + i, tags: ["a", "b"] })) })}</script>`;
const links = Array.from({ length: 800 }, (_, i) => `<li class="menu-item"><a href="/c/${i}"><span>Category ${i}</span></a></li>`).join("");
const svg = `<svg>${"<path d='M0 0L10 10'/>".repeat(2000)}</svg>`;
const big = base.replace("<body", `<body`).replace("</head>", `${script}</head>`).replace("<footer", `<nav class="mega"><ul>${links}</ul></nav>${svg}<footer`);
console.log("size KB", (big.length / 1024).toFixed(0));
for (let i = 0; i < 3; i++) extractHtml(big);
const t = performance.now(); for (let i = 0; i < 20; i++) extractHtml(big); console.log("ms/page", ((performance.now() - t) / 20).toFixed(1));
const bad = [
  ["nested", "<html><body>" + "<div>".repeat(100000) + "deep text here. " + "</div>".repeat(100000) + "</body></html>"],
  ["unclosed", "<html><body>" + "<div><span>".repeat(50000) + "text</body></html>"],
  ["5MB line", "<html><body><p>" + "word, ".repeat(850000) + "</p></body></html>"],
  ["5MB many p", "<html><body>" + "<p>Some sentence here, and more.</p>".repeat(140000) + "</body></html>"],
  ["all script", "<html><head><script>" + "var x=1;".repeat(600000) + "</script></head><body><script>go()</script></body></html>"],
  ["malformed", "<html><body><p>Open <b>bold <i>italic</p></b> text <div><p>Unclosed para, with text that runs on.<table><tr><td>cell<p>more text in a cell, quite long indeed.</table></body>"],
] as const;
for (const [name, html] of bad) {
  const t0 = performance.now();
  let out = "";
  try { const r = extractHtml(html); out = `${r.method} ${r.paragraphs.length} paras ${r.paragraphs.join(" ").slice(0, 50)}`; } catch (e) { out = `threw ${(e as Error).name}: ${(e as Error).message}`; }
  console.log(name, (performance.now() - t0).toFixed(0), "ms", out, (process.memoryUsage().rss / 1e6).toFixed(0), "MB rss");
}
