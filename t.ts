import { readFileSync } from "node:fs";
import { extractHtml } from "./pipelines/normalize/clean/html-extract.ts";
import { decodeBytes } from "./pipelines/fetch/decode/decode-bytes.ts";
const f = process.argv[2] ?? "";
const r = extractHtml(decodeBytes(readFileSync(f), { contentType: "text/html" }).text);
console.log(r.method, r.hints, r.fields, r.meta);
console.log(r.paragraphs.join("\n"));
