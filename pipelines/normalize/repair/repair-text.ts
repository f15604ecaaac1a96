/**
 * Mojibake repair and normalisation, nothing else (no boilerplate removal):
 * what `lodestone repair` prints and the first half of the normalize stage.
 */
import type { Repair } from "../../../shared/document.ts";
import { unescapeHtmlEntities } from "../clean/html-entities.ts";
import { cleanupText } from "../clean/text-cleanup.ts";
import { repairGbkBytes, repairLegacyCjkBytes } from "./legacy-cjk.ts";
import { repairDoubleByteMojibake } from "./mojibake-double-byte.ts";
import { repairLatinMojibake } from "./mojibake-latin.ts";
import { repairThaiMojibake } from "./mojibake-thai.ts";
import type { SpanRepair } from "./span-repair.ts";

export type { SpanRepair };

export interface RepairedText {
  text: string;
  repairs: Repair[];
}

function runSteps(text: string, steps: ((t: string) => RepairedText)[]): RepairedText {
  const repairs: Repair[] = [];
  let t = text;
  for (const step of steps) {
    const result = step(t);
    t = result.text;
    repairs.push(...result.repairs);
  }
  return { text: t, repairs };
}

/**
 * Mojibake repair only: text → repaired text and its repairs. Korean and
 * Japanese legacy bytes read as Latin first: their scripts are unmistakable,
 * and the single-byte repair could read a piece of them as UTF-8 through
 * some code page. Then the single-byte code pages: their repair is gated by
 * the plausibility model, so it leaves GBK and Big5 mojibake alone, while
 * reading any long Latin-1 run as candidate GBK would turn cp850 or
 * windows-1252 mojibake of Cyrillic into Han characters if it went first.
 */
export function repairMojibake(text: string, explain?: SpanRepair[]): RepairedText {
  return runSteps(text, [
    (t) => repairLegacyCjkBytes(t, explain),
    (t) => repairLatinMojibake(t, explain),
    (t) => repairGbkBytes(t, explain),
    (t) => repairDoubleByteMojibake(t, explain),
    (t) => repairThaiMojibake(t, explain),
  ]);
}

/**
 * Character references decoded, mojibake repaired, then cleanup: text →
 * normalised text and every repair made.
 */
export function repairText(text: string, explain?: SpanRepair[]): RepairedText {
  return runSteps(text, [unescapeHtmlEntities, (t) => repairMojibake(t, explain), cleanupText]);
}
