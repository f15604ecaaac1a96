/**
 * Main-content extraction on the HTML corpus (test/fixtures/html): article
 * snippets kept, boilerplate snippets dropped, precision, recall, F1, pages
 * where nothing of the article came out, and median milliseconds per page,
 * for Lodestone's extractor and the libraries it was measured against; then
 * Lodestone's time on the same pages padded to the weight of real ones
 * (inline state scripts, mega-menus, inline SVG icons: ~150 KB a page).
 * Run: npx tsx test/bench/extract-eval.ts [--errors=<extractor>] [--only=<name prefix>]
 */
import { Readability } from "@mozilla/readability";
import { Defuddle } from "defuddle/node";
import { parseHTML } from "linkedom";
import { extractHtml } from "../../pipelines/normalize/clean/html-extract.ts";
import { type ExtractScore, loadCorpus, pageErrors, scoreExtractor } from "./extract-score.ts";

function readability(html: string): string {
  const { document } = parseHTML(html);
  return (
    new Readability(document as unknown as ConstructorParameters<typeof Readability>[0]).parse()
      ?.textContent ?? ""
  );
}

async function defuddle(html: string): Promise<string> {
  const { document } = parseHTML(html);
  const res = await Defuddle(
    document as unknown as Parameters<typeof Defuddle>[0],
    "https://example.org/",
    {},
  );
  // Block ends become line breaks so that adjacent paragraphs do not run together.
  const { document: out } = parseHTML(
    `<html><body>${res.content.replace(/<\/(p|li|h\d|div|td|tr|blockquote)>/g, "</$1>\n")}</body></html>`,
  );
  return out.body?.textContent ?? "";
}

const extractors: Record<string, (html: string) => string | Promise<string>> = {
  lodestone: (html) => extractHtml(html).paragraphs.join("\n"),
  readability,
  defuddle,
};

const only = process.argv.find((a) => a.startsWith("--only="))?.slice("--only=".length);
const errorsOf = process.argv.find((a) => a.startsWith("--errors="))?.slice("--errors=".length);
const pages = loadCorpus().filter((p) => !only || p.name.includes(only));

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
console.log(`${pages.length} pages`);
console.log("extractor     kept    dropped  precision  recall  F1     nothing  median ms");
for (const [name, extract] of Object.entries(extractors)) {
  if (errorsOf && errorsOf !== name) continue;
  // One untimed pass first, so that module loading and JIT warm-up are not counted.
  await scoreExtractor(pages.slice(0, 5), extract);
  const s: ExtractScore = await scoreExtractor(pages, extract);
  console.log(
    `${name.padEnd(12)}${pct(s.kept).padStart(7)}${pct(s.dropped).padStart(9)}${s.precision.toFixed(3).padStart(11)}${s.recall.toFixed(3).padStart(8)}  ${s.f1.toFixed(3)}${String(s.nothingFound.length).padStart(7)}${s.medianMs.toFixed(2).padStart(11)}`,
  );
  if (errorsOf === name) {
    for (const e of await pageErrors(pages, extract)) {
      console.log(`\n${e.name}`);
      for (const m of e.missed) console.log(`  missed: ${m}`);
      for (const k of e.kept) console.log(`  kept:   ${k.slice(0, 100)}`);
    }
  }
}

/** A page padded with the bulk real pages carry around the same content. */
function padded(html: string, i: number): string {
  const state = JSON.stringify({
    items: Array.from({ length: 1800 }, (_, k) => ({ id: k + i, title: `Item ${k}`, tags: ["a"] })),
  });
  const menu = Array.from(
    { length: 300 },
    (_, k) => `<li class="menu-item"><a href="/c/${k}"><span>Category ${k}</span></a></li>`,
  ).join("");
  const icons = `<svg>${"<path d='M0 0L10 10'/>".repeat(300)}</svg>`;
  return html
    .replace(/<\/head>/i, `<script>window.__STATE__=${state}</script></head>`)
    .replace(/<body([^>]*)>/i, `<body$1><nav class="mega-menu"><ul>${menu}</ul>${icons}</nav>`);
}

if (!errorsOf) {
  const heavy = pages.map((p, i) => ({ ...p, html: padded(p.html, i) }));
  const kb = heavy.reduce((n, p) => n + p.html.length, 0) / heavy.length / 1024;
  const s = await scoreExtractor(heavy, extractors.lodestone ?? (() => ""));
  console.log(
    `\nlodestone on pages padded to ${kb.toFixed(0)} KB: F1 ${s.f1.toFixed(3)}, median ${s.medianMs.toFixed(2)} ms`,
  );
}
