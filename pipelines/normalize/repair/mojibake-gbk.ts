/**
 * Chinese mojibake in both directions:
 * - GBK bytes decoded as Latin-1/Windows-1252 ("ÖÐ¹ú" for 中国): runs of
 *   Latin-1 characters that re-encode to bytes decoding as GBK into common
 *   Han characters, and are not themselves valid UTF-8 (that is the other,
 *   likelier mojibake, repaired by mojibake-latin.ts).
 * - UTF-8 bytes decoded as GBK ("涓枃" for 中文): runs of characters that
 *   re-encode to GBK bytes forming valid UTF-8. When the UTF-8 byte count was
 *   odd, the GBK decoder turned the last byte into U+FFFD; that byte is
 *   inferred with the character model.
 * Both are accepted only when the character model finds the result more
 * probable than the text as found: real Chinese stays as it is.
 */
import { isUtf8 } from "node:buffer";
import iconv from "iconv-lite";
import type { Repair } from "../../../shared/document.ts";
import { HAN_RANGES } from "../../../shared/text/han.ts";
import { type CharModel, charModel, meanLogProb } from "./char-model.ts";
import { cp1252Specials, toSingleBytes } from "./cp1252.ts";
import type { SpanRepair } from "./span-repair.ts";
import { decodeUtf8AsGbk } from "./utf8-as-gbk.ts";

const latinRun = new RegExp(`[\\u0080-\\u00FF${cp1252Specials}]{4,}`, "g");
// Han, CJK and full-width punctuation, and the general punctuation GBK carries (“”—…·).
const hanLike = new RegExp(
  `^[\\u00B7\\u2010-\\u2027\\u2030-\\u203B\\u3000-\\u303F${HAN_RANGES}\\uFF00-\\uFFEF]+$`,
);

/** Nearly every character must be one the model has seen often enough to be common. */
function mostlyCommon(model: CharModel, text: string): boolean {
  let chars = 0;
  let common = 0;
  for (const ch of text) {
    chars++;
    if (model.count(ch) >= 5) common++;
  }
  return common >= 0.9 * chars;
}

function repairGbkAsLatin(
  text: string,
  model: CharModel,
  explain?: SpanRepair[],
): { text: string; count: number } {
  let count = 0;
  const out = text.replace(latinRun, (run, offset: number) => {
    const bytes = toSingleBytes(run);
    // Valid UTF-8 is the other mojibake's: asked without decoding (nor a thrown TypeError).
    if (!bytes || bytes.length % 2 !== 0 || isUtf8(bytes)) return run;
    const decoded = iconv.decode(Buffer.from(bytes), "gb18030");
    if (decoded.includes("\uFFFD") || !hanLike.test(decoded) || !mostlyCommon(model, decoded))
      return run;
    const before = text.slice(Math.max(0, offset - 2), offset);
    const scoreAfter = meanLogProb(model, before, decoded);
    const scoreBefore = meanLogProb(model, before, run);
    if (scoreAfter <= scoreBefore) return run;
    count += [...decoded].length;
    explain?.push({
      before: run,
      after: decoded,
      path: "gbk read as windows-1252",
      scoreBefore: -scoreBefore,
      scoreAfter: -scoreAfter,
    });
    return decoded;
  });
  return { text: out, count };
}

// Runs of non-ASCII characters, U+FFFD (a byte the GBK decoder lost) included.
// biome-ignore lint/suspicious/noControlCharactersInRegex: the ASCII range bounds a run
const nonAsciiRun = /[^\u0000-\u007F]{2,}/g;

function repairUtf8AsGbk(
  text: string,
  model: CharModel,
  explain?: SpanRepair[],
): { text: string; count: number; lost: number } {
  let count = 0;
  let lost = 0;
  const out = text.replace(nonAsciiRun, (run, offset: number) => {
    const before = text.slice(Math.max(0, offset - 2), offset);
    const after = text.slice(offset + run.length, offset + run.length + 2);
    const best = decodeUtf8AsGbk(run, before, model);
    // The repair must make the text clearly more probable than it was found.
    if (!best || best.text === "") return run;
    const scoreAfter = meanLogProb(model, before, best.text + after);
    const scoreBefore = meanLogProb(model, before, run + after);
    if (scoreAfter <= scoreBefore + 1) return run;
    count += [...best.text].length;
    explain?.push({
      before: run,
      after: best.text,
      path: "utf-8 read as gbk",
      scoreBefore: -scoreBefore,
      scoreAfter: -scoreAfter,
    });
    lost += best.lost;
    return best.text;
  });
  return { text: out, count, lost };
}

/** Text → text with GBK mojibake repaired in both directions, and its repairs; `explain` collects each repaired run. */
export function repairGbkMojibake(
  text: string,
  explain?: SpanRepair[],
): { text: string; repairs: Repair[] } {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  if (!/[^\u0000-\u007F]/.test(text)) return { text, repairs: [] };
  const model = charModel();
  const repairs: Repair[] = [];
  const latin = repairGbkAsLatin(text, model, explain);
  if (latin.count > 0)
    repairs.push({ kind: "mojibake", count: latin.count, detail: "gbk read as windows-1252" });
  const gbk = repairUtf8AsGbk(latin.text, model, explain);
  if (gbk.count > 0)
    repairs.push({
      kind: "mojibake",
      count: gbk.count,
      detail:
        gbk.lost > 0
          ? `utf-8 read as gbk, ${gbk.lost} lost characters kept as U+FFFD`
          : "utf-8 read as gbk",
    });
  return { text: gbk.text, repairs };
}
