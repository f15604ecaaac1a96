/**
 * Turns a seed or fixture text into the NormalizedDocument the language stage
 * receives, the way the normalize stage's contract describes it (header
 * fields taken out, every non-blank line a trimmed paragraph), without
 * depending on the normalize stage's code.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { NormalizedDocument } from "../../../shared/document.ts";

const HEADER = /^(Title|Author|Date|Edition|Publisher|Section):\s*(.*)$/;

export function repoPath(relative: string): string {
  return fileURLToPath(new URL(`../../../${relative}`, import.meta.url));
}

export function normalizedFromText(
  id: string,
  text: string,
  publisher?: string,
): NormalizedDocument {
  const lines = text.split(/\r?\n/);
  const header: Record<string, string> = {};
  let start = 0;
  for (; start < lines.length; start++) {
    const line = (lines[start] ?? "").trim();
    if (line === "") continue;
    const match = HEADER.exec(line);
    if (match?.[1] === undefined) break;
    header[match[1].toLowerCase()] = (match[2] ?? "").trim();
  }
  const paragraphs = lines
    .slice(start)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
  const fields: Record<string, string> = {};
  if (header.edition) fields.edition = header.edition;
  if (header.section) fields.section = header.section;
  const sourcePublisher = publisher ?? header.publisher;
  return {
    id,
    source: {
      id: `src-${id}`,
      uri: `file:///fixtures/${id}.txt`,
      ...(sourcePublisher === undefined ? {} : { publisher: sourcePublisher }),
    },
    title: header.title || null,
    author: header.author || null,
    published_at: header.date || null,
    body: paragraphs.join("\n\n").normalize("NFC"),
    fields,
    repairs: [],
    encoding: { detected: "utf-8" },
    content_hash: `hash-${id}`,
    fetched_at: "2026-11-23T00:00:00Z",
  };
}

export function normalizedFromFile(
  id: string,
  relative: string,
  publisher?: string,
): NormalizedDocument {
  return normalizedFromText(id, readFileSync(repoPath(relative), "utf8"), publisher);
}
