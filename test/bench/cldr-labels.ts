/**
 * Short real strings in every locale of Unicode CLDR (the `cldr-misc-full`
 * package, 766 locales): the names of character categories ("Symboles
 * mathématiques"), list patterns ("{0} и {1}"), quotation marks, "yes" and
 * "no". Title-case words in hundreds of languages, each string alone: what
 * a repair must leave as it is when no other text vouches for it.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const files = [
  "characterLabels.json",
  "listPatterns.json",
  "typographic.json",
  "delimiters.json",
  "posix.json",
];

/** Every distinct string value of those files, over every locale. */
export function cldrLabels(): string[] {
  const main = join(
    dirname(createRequire(import.meta.url).resolve("cldr-misc-full/package.json")),
    "main",
  );
  const strings = new Set<string>();
  const walk = (value: unknown): void => {
    if (typeof value === "string") strings.add(value);
    else if (value && typeof value === "object") for (const v of Object.values(value)) walk(v);
  };
  for (const locale of readdirSync(main).sort())
    for (const file of files) {
      const path = join(main, locale, file);
      if (existsSync(path)) walk(JSON.parse(readFileSync(path, "utf8")));
    }
  return [...strings];
}
