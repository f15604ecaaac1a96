import { extractHtml } from "./pipelines/normalize/clean/html-extract.ts";
const p = (n: number) => `<p>Paragraph ${n} of the story says that output at the plant rose again this quarter, while prices for oxides stayed well above last year's level.</p>`;
const r = extractHtml(`<html><body><div class="comments">${p(1)}${p(2)}${p(3)}</div></body></html>`);
console.log(r.method, r.paragraphs);
