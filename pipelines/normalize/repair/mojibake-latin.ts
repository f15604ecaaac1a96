/**
 * UTF-8 that was decoded as Windows-1252 or Latin-1, once or twice
 * ("Group’s" → "GroupÃ¢â‚¬â„¢s"). Lossless: the mojibake characters are the
 * original bytes, so re-encoding a suspect sequence and decoding it as UTF-8
 * restores it. The evidence is the UTF-8 structure itself: a lead byte followed
 * by exactly the right number of continuation bytes, validated strictly (no
 * overlongs, no surrogates). Real accented Latin ("SÃO PAULO", "Ærø") never has
 * that shape, because letters are not continuation bytes.
 */
import type { Repair } from "../../../shared/document.ts";
import { cp1252Specials, toSingleBytes } from "./cp1252.ts";
import { decodeUtf8Strict } from "./utf8.ts";

const cont = `[\\u0080-\\u00BF${cp1252Specials}]`;
const sequence = new RegExp(
  `[\\u00C2-\\u00DF]${cont}|[\\u00E0-\\u00EF]${cont}{2}|[\\u00F0-\\u00F4]${cont}{3}`,
  "g",
);
const specials = new RegExp(`[${cp1252Specials}]`);

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const controls = /[\u0000-\u001F\u0080-\u009F]/;
const controlsAll = /[\u0080-\u009F]/g;

function repairPass(
  text: string,
  allowC1: boolean,
): { text: string; count: number; cp1252: boolean } {
  let count = 0;
  let cp1252 = false;
  const out = text.replace(sequence, (match) => {
    const bytes = toSingleBytes(match);
    const decoded = bytes ? decodeUtf8Strict(bytes) : null;
    if (decoded === null || (!allowC1 && controls.test(decoded))) return match;
    count++;
    if (specials.test(match)) cp1252 = true;
    return decoded;
  });
  return { text: out, count, cp1252 };
}

function c1Count(text: string): number {
  return text.match(controlsAll)?.length ?? 0;
}

/**
 * A C1 control is not text, so a sequence decoding to one is normally not
 * mojibake — except in double mojibake through Latin-1, where the first
 * layer's C1 controls are the bytes of the second. Passes are first run
 * allowing them, and redone without if any are left over at the end.
 */
export function repairLatinMojibake(text: string): { text: string; repairs: Repair[] } {
  const layered = repairLayers(text, true);
  if (c1Count(layered.text) <= c1Count(text)) return layered;
  return repairLayers(text, false);
}

function repairLayers(text: string, allowC1: boolean): { text: string; repairs: Repair[] } {
  let current = text;
  const repairs: Repair[] = [];
  for (let pass = 1; pass <= 3; pass++) {
    const result = repairPass(current, allowC1);
    if (result.count === 0) break;
    current = result.text;
    const via = result.cp1252 ? "windows-1252" : "latin-1";
    repairs.push({
      kind: "mojibake",
      count: result.count,
      detail: pass === 1 ? `utf-8 read as ${via}` : `utf-8 read as ${via} (layer ${pass})`,
    });
  }
  return { text: current, repairs };
}
