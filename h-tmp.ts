import { extractHtml } from "./pipelines/normalize/clean/html-extract.ts";
const which = process.argv[2];
const cases: Record<string, string> = { lt: "<".repeat(1_000_000), aopen: "<a ".repeat(300_000), attr: `<div ${"x=1 ".repeat(500_000)}>text here.</div>`, comment: "<!--" + "-".repeat(2_000_000), amp: "&amp;".repeat(1_000_000), deepinline: "<b>".repeat(100_000) + "bold text." };
const html = cases[which ?? ""] ?? "";
const t = performance.now();
let out = "";
try { const r = extractHtml(html); out = `${r.method} ${r.paragraphs.length}`; } catch (e) { out = `${(e as Error).name}: ${(e as Error).message.slice(0, 60)}`; }
console.log(which, (performance.now() - t).toFixed(0), "ms", out);
