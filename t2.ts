import { readFileSync } from "node:fs";
import { isTag, type Element } from "domhandler";
import { decodeBytes } from "./pipelines/fetch/decode/decode-bytes.ts";
import { findElements, parseHtml } from "./pipelines/normalize/clean/html-dom.ts";
import { collectUnits } from "./pipelines/normalize/clean/text-units.ts";
import { scorePage } from "./pipelines/normalize/clean/content-scores.ts";
import { bestCandidate, proseChars } from "./pipelines/normalize/clean/main-content.ts";
const html = decodeBytes(readFileSync(process.argv[2] ?? ""), { contentType: "text/html" }).text;
const { dom } = parseHtml(html);
const els = findElements(dom, () => true).filter((e): e is Element => isTag(e));
const units = collectUnits(dom);
const sc = scorePage(els, units);
for (const e of els) { const s = sc.stats.get(e)!; if (Math.abs(s.raw) > 0.5 || s.mass > 0.5) console.log(e.name, e.attribs.class ?? e.attribs.id ?? "", s.kind, s.raw.toFixed(2), s.mass.toFixed(2), s.chars); }
const c = bestCandidate(sc); console.log("best", c?.name, c?.attribs.class, "prose", proseChars(sc, []));
units.forEach((u, i) => console.log(sc.unitScores[i]?.toFixed(2), u.owner.name, u.text.slice(0, 60)));
