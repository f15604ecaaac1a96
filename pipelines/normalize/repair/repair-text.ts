/**
 * Mojibake repair and normalisation, nothing else (no boilerplate removal):
 * what `lodestone repair` prints and the first half of the normalize stage.
 */
import type { Repair } from "../../../shared/document.ts";
import { cleanupText } from "../clean/text-cleanup.ts";
import { repairGbkMojibake } from "./mojibake-gbk.ts";
import { repairLatinMojibake } from "./mojibake-latin.ts";
import { repairThaiMojibake } from "./mojibake-thai.ts";

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
 * Mojibake repair only. GBK-as-Latin runs first: its runs are long and must
 * not be split up by the UTF-8-as-Latin repair, which would take a Han pair
 * that happens to be valid two-byte UTF-8 for a Latin letter.
 */
export function repairMojibake(text: string): RepairedText {
  return runSteps(text, [repairGbkMojibake, repairLatinMojibake, repairThaiMojibake]);
}

export function repairText(text: string): RepairedText {
  return runSteps(text, [repairMojibake, cleanupText]);
}
