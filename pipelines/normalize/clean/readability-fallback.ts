/**
 * Mozilla Readability (the Firefox Reader View algorithm) on linkedom, used
 * as the second method of the cascade: it merges sibling blocks around its
 * top candidate, which rescues pages where the story is spread over several
 * containers. Its HTML output is read back into paragraphs with the same
 * unit collector as the main method.
 *
 * Both load on the first page that needs them: most pages never fall back,
 * and linkedom is ~27 MB resident in every thread that imports it.
 */
import { parseDocument } from "htmlparser2";
import { onFirstUse } from "../../../shared/load-on-first-use.ts";
import { collectUnits } from "./text-units.ts";

const readability = onFirstUse<typeof import("@mozilla/readability")>("@mozilla/readability");
const linkedom = onFirstUse<typeof import("linkedom")>("linkedom");

/** Paragraphs Readability finds in an (already nesting-capped) page; empty when it finds none. */
export function readabilityParagraphs(html: string): string[] {
  const { Readability } = readability();
  const { document } = linkedom().parseHTML(html);
  // linkedom implements the DOM subset Readability uses; the cast bridges its own typings.
  const article = new Readability(
    document as unknown as ConstructorParameters<typeof Readability>[0],
    { charThreshold: 200 },
  ).parse();
  if (!article?.content) return [];
  return collectUnits(parseDocument(article.content))
    .filter((u) => !u.figure && u.linkChars / Math.max(1, u.text.length) <= 0.5)
    .map((u) => u.text);
}
