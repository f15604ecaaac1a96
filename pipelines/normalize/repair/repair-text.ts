/**
 * Mojibake repair and normalisation, nothing else (no boilerplate removal):
 * what `lodestone repair` prints and the first half of the normalize stage.
 */
import type { Repair } from "../../../shared/document.ts";
import { unescapeHtmlEntities } from "../clean/html-entities.ts";
import { cleanupText } from "../clean/text-cleanup.ts";
import { removeByteOrderMarks } from "./byte-order-mark.ts";
import { repairLegacyCjkBytes } from "./legacy-cjk.ts";
import { repairDoubleByteMojibake } from "./mojibake-double-byte.ts";
import { repairLatinMojibake } from "./mojibake-latin.ts";
import { repairThaiMojibake } from "./mojibake-thai.ts";
import { repairQuestionMarkQuotes } from "./question-mark-quotes.ts";
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
 * Mojibake repair only: text → repaired text and its repairs. First,
 * byte-order marks read as Latin ("ï»¿"). Then East Asian legacy bytes read
 * as Latin: they are read only where the document's long runs show a code
 * page and are not UTF-8 through any single-byte one, and the single-byte
 * repair could otherwise read pieces of them as UTF-8 through some code
 * page. Then the single-byte code pages, gated by the plausibility model,
 * and the quotation marks a "?"-writing encoder left of their mojibake;
 * then UTF-8 read as a double-byte code page; last the lossy Thai path.
 */
export function repairMojibake(text: string, explain?: SpanRepair[]): RepairedText {
  return runSteps(text, [
    removeByteOrderMarks,
    (t) => repairLegacyCjkBytes(t, explain),
    (t) => repairLatinMojibake(t, explain),
    (t) => repairQuestionMarkQuotes(t, explain),
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
