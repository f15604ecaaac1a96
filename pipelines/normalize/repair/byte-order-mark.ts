/**
 * A UTF-8 byte-order mark (EF BB BF) read as windows-1252 or Latin-1: "ï»¿",
 * or "Ã¯Â»Â¿" read so twice, where a file's text begins or where files were
 * joined. Decoded, it is U+FEFF, which the cleanup removes anyway; the
 * single-byte repair will not decode to an invisible character, so it is
 * removed here. No language writes ï, » and ¿ together.
 */
import type { Repair } from "../../../shared/document.ts";

const markRe = /Ã¯Â»Â¿|ï»¿/g;

/** Text → text without byte-order marks read as Latin, and the repair that says how many there were. */
export function removeByteOrderMarks(text: string): { text: string; repairs: Repair[] } {
  if (!text.includes("»")) return { text, repairs: [] };
  let count = 0;
  const out = text.replace(markRe, () => {
    count++;
    return "";
  });
  if (count === 0) return { text, repairs: [] };
  return {
    text: out,
    repairs: [
      { kind: "mojibake", count, detail: "utf-8 byte-order mark read as windows-1252, removed" },
    ],
  };
}
