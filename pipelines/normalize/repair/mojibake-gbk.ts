/**
 * UTF-8 bytes decoded as GBK ("涓枃" for 中文): runs of characters that
 * re-encode to GBK bytes forming valid UTF-8. When the UTF-8 byte count was
 * odd, the GBK decoder turned the last byte into U+FFFD; that byte is
 * inferred with the character model. Accepted only when the character model
 * finds the result more probable than the text as found: real Chinese stays
 * as it is. (The other direction, GBK bytes read as windows-1252, is
 * legacy-cjk.ts's.)
 */
import type { Repair } from "../../../shared/document.ts";
import { type CharModel, charModel, meanLogProb } from "./char-model.ts";
import type { SpanRepair } from "./span-repair.ts";
import { decodeUtf8AsGbk } from "./utf8-as-gbk.ts";

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

/** Text → text with UTF-8 read as GBK repaired, and its repairs; `explain` collects each repaired run. */
export function repairGbkMojibake(
  text: string,
  explain?: SpanRepair[],
): { text: string; repairs: Repair[] } {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  if (!/[^\u0000-\u007F]/.test(text)) return { text, repairs: [] };
  const gbk = repairUtf8AsGbk(text, charModel(), explain);
  if (gbk.count === 0) return { text, repairs: [] };
  const repair: Repair = {
    kind: "mojibake",
    count: gbk.count,
    detail:
      gbk.lost > 0
        ? `utf-8 read as gbk, ${gbk.lost} lost characters kept as U+FFFD`
        : "utf-8 read as gbk",
  };
  return { text: gbk.text, repairs: [repair] };
}
