/**
 * Chinese word segmentation and part-of-speech tags from jieba, with offsets
 * into the text (jieba returns words only).
 */
import { Jieba } from "@node-rs/jieba";
import { jiebaDictionary } from "../../shared/text/jieba-dictionary.ts";

// Loading the dictionary takes a moment; do it once, at import, so enrich stays synchronous.
const jieba = Jieba.withDict(jiebaDictionary());

export interface Token {
  word: string;
  tag: string;
  start: number;
  end: number;
}

/** Tags the script-folded text, whose offsets are the original's. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let cursor = 0;
  for (const { word, tag } of jieba.tag(text)) {
    const start = text.indexOf(word, cursor);
    if (start < 0) continue;
    cursor = start + word.length;
    tokens.push({ word, tag, start, end: cursor });
  }
  return tokens;
}
