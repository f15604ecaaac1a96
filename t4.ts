import { readFileSync } from "node:fs";
import * as cheerio from "cheerio";
import { isTag, type Element } from "domhandler";
import { parseDocument } from "htmlparser2";
import { capNesting, findElements, parseHtml } from "./pipelines/normalize/clean/html-dom.ts";
import { pageMetadata } from "./pipelines/normalize/clean/html-metadata.ts";
import { collectUnits } from "./pipelines/normalize/clean/text-units.ts";
import { scorePage } from "./pipelines/normalize/clean/content-scores.ts";
import { bestCandidate, narrowToStory, proseChars, readOut, tighten } from "./pipelines/normalize/clean/main-content.ts";
const f = process.argv[2]!;
const base = readFileSync(f, "utf8");
const script = `<script>window.__STATE__=${JSON.stringify({ items: Array.from({ length: 3000 }, (_, i) => ({ id: i, title: "Item number " + i, tags: ["a", "b"] })) })}</script>`;
const links = Array.from({ length: 800 }, (_, i) => `<li class="menu-item"><a href="/c/${i}"><span>Category ${i}</span></a></li>`).join("");
const svg = `<svg>${"<path d='M0 0L10 10'/>".repeat(2000)}</svg>`;
const big = base.replace("</head>", `${script}</head>`).replace("<footer", `<nav class="mega"><ul>${links}</ul></nav>${svg}<footer`);
const T: Record<string, number> = {};
const time = <X>(k: string, fn: () => X): X => { const t = performance.now(); const x = fn(); T[k] = (T[k] ?? 0) + performance.now() - t; return x; };
for (let i = 0; i < 20; i++) {
  time("cap", () => capNesting(big));
  const dom = time("parse", () => parseDocument(big));
  const $ = time("load", () => cheerio.load(dom));
  time("meta", () => pageMetadata(dom));

  time("hidden", () => $("[hidden]").remove());
  const els = time("els", () => findElements(dom, (e) => !["script","style","svg","noscript","template"].includes(e.name), true));
  const units = time("units", () => collectUnits(dom));
  const sc = time("score", () => scorePage(els, units));
  const c = time("best", () => bestCandidate(sc))!;
  const n = time("narrow", () => narrowToStory(sc, c, "x"));
  const s = time("tighten", () => tighten(sc, n.story));
  time("readout", () => readOut(sc, s));
  time("prose", () => proseChars(sc, []));
}
for (const [k, v] of Object.entries(T)) console.log(k, (v / 20).toFixed(2));
