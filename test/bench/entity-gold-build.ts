/**
 * Builds test/fixtures/entities/gold.json from the hand-written labels in
 * test/fixtures/entities/labels/*.txt, a compact form that is easier to review:
 *
 *   # doc <name> <lang> <published_at or -> <text file>
 *   <id> <type> | <mention> | <mention>* | …
 *
 * A mention ending in "*" stands for every occurrence of that text in the
 * document (at Latin word boundaries) that is not part of a longer labelled
 * mention; any other mention stands for one occurrence.
 * Run: npx tsx test/bench/entity-gold-build.ts
 */
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../fixtures/entities/", import.meta.url));
const LABEL_FILES = ["seeds.txt", "own.txt", "heldout.txt", "final.txt", "final2.txt"];

interface GoldEntity {
  id: string;
  type: string;
  mentions: string[];
}
interface GoldDoc {
  name: string;
  file: string;
  lang: string;
  published_at: string | null;
  entities: GoldEntity[];
}

const latin = (ch: string | undefined) => ch !== undefined && /[A-Za-z0-9]/.test(ch);

function occurrences(text: string, needle: string): number[] {
  const starts: number[] = [];
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) starts.push(i);
  return starts;
}

function expand(doc: GoldDoc, text: string): GoldDoc {
  const labelled = new Set(
    doc.entities.flatMap((e) => e.mentions.map((m) => m.replace(/\*$/, ""))),
  );
  const inside = (needle: string, start: number) =>
    [...labelled].some(
      (other) =>
        other.length > needle.length &&
        occurrences(text, other).some(
          (o) => o <= start && start + needle.length <= o + other.length,
        ),
    );
  const entities = doc.entities.map((entity) => ({
    ...entity,
    mentions: entity.mentions.flatMap((mention) => {
      const needle = mention.replace(/\*$/, "");
      if (!text.includes(needle)) throw new Error(`${doc.name}: "${needle}" is not in the text`);
      if (!mention.endsWith("*")) return [needle];
      return occurrences(text, needle)
        .filter((start) => {
          const end = start + needle.length;
          const bounded =
            !(latin(needle[0]) && latin(text[start - 1])) &&
            !(latin(needle.at(-1)) && latin(text[end]));
          return bounded && !inside(needle, start);
        })
        .map(() => needle);
    }),
  }));
  return { ...doc, entities };
}

function parse(source: string): GoldDoc[] {
  const docs: GoldDoc[] = [];
  for (const line of source.split("\n")) {
    if (!line.trim()) continue;
    const header = /^# doc (\S+) (\S+) (\S+) (\S+)$/.exec(line);
    if (header) {
      const [, name = "", lang = "", published = "", file = ""] = header;
      docs.push({
        name,
        file,
        lang,
        published_at: published === "-" ? null : published,
        entities: [],
      });
      continue;
    }
    const [head = "", ...mentions] = line.split("|").map((part) => part.trim());
    const [id = "", type = ""] = head.split(" ");
    const current = docs.at(-1);
    if (!current) throw new Error(`label before any "# doc" line: ${line}`);
    current.entities.push({ id, type, mentions });
  }
  return docs;
}

const documents = LABEL_FILES.flatMap((file) =>
  parse(readFileSync(`${root}labels/${file}`, "utf8")),
).map((doc) => expand(doc, readFileSync(root + doc.file, "utf8")));
const note =
  "Hand-labelled entities, built from labels/*.txt by test/bench/entity-gold-build.ts. Mentions are surface texts (a multiset); see test/bench/entity-score.ts for how they are matched.";
writeFileSync(`${root}gold.json`, `${JSON.stringify({ note, documents }, null, 1)}\n`);
for (const doc of documents) {
  console.log(
    `${doc.name}: ${doc.entities.length} entities, ${doc.entities.reduce((n, e) => n + e.mentions.length, 0)} mentions`,
  );
}
