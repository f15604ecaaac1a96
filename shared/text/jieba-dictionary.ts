/**
 * jieba's dictionary (the word list with counts and tags that @node-rs/jieba
 * ships), read when asked for. The package's own `dict.js` reads it and the
 * 6 MB IDF table at import and keeps both for the life of the process: 11 MB
 * in every stage thread that imported it, whether or not it ever segmented
 * a word. Here the bytes live only while a segmenter or the repair's
 * lexicon is built from them, and the IDF table, which nothing here uses,
 * is never read.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

export function jiebaDictionary(): Buffer {
  return readFileSync(require.resolve("@node-rs/jieba/dict.txt"));
}
