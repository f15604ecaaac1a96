/**
 * The words the lattice (word-lattice.ts) may choose: jieba's dictionary
 * plus the domain words of our Chinese prose, each with its unigram
 * log-probability and word class (han-pos.ts). Multi-character words are
 * indexed by their damaged form — the sequence of what each character's
 * UTF-8 becomes under a Thai code page with the C1 bytes lost — so the words
 * that fit a damaged run are found by lookup, every one of them and only
 * those, however many candidates each damaged character has.
 */
import { type KbType, knowledgeBase } from "../../../shared/knowledge/knowledge-base.ts";
import { hanOnly } from "../../../shared/text/han.ts";
import { jiebaDictionary } from "../../../shared/text/jieba-dictionary.ts";
import { charModel } from "./char-model.ts";
import { hanPos } from "./han-pos.ts";
import { damagedForm } from "./thai-code-page.ts";

export interface Word {
  /** Index in `wordById`: what the lattice's tables (lattice-tables.ts) are keyed by. */
  id: number;
  chars: string[];
  /** The characters joined. */
  text: string;
  logP: number;
  tag: string;
  first: string;
  last: string;
  /** Last character and class: what the next word's context depends on. */
  key: string;
}

export interface FormNode {
  children: Map<string, FormNode>;
  /** Words whose damaged form ends here, likeliest first. */
  words: Word[];
}

export interface Lexicon {
  /** Single-character words. */
  singles: Map<string, Word>;
  /** Words of two or more characters, by damaged form. */
  forms: FormNode;
  /** Every word, by its text. */
  byText: Map<string, Word>;
  /** The cost of a character no word covers: more than the rarest word. */
  unknownLogP: number;
}

export const maxWordLength = 4;
/** The class of a character no word covers: no context either way. */
export const unknownTag = "?";
/**
 * A word of our own (rare-earth) prose counts like a common dictionary word
 * per occurrence: "稀土" is rare in general Chinese and everywhere in ours.
 */
const domainBoost = 6000;
/**
 * Dictionary counts are flattened a little (count^0.9): the domain words and
 * context terms then weigh more against jieba's general-news frequencies,
 * which is what cross-validation on the training prose preferred.
 */
const freqExponent = 0.9;

/**
 * The Chinese names of the knowledge base (shared/knowledge) count
 * as domain words seen this often: "镝", "氧化铽", "中重稀土" are everyday
 * words of our corpus and rare in the dictionary's.
 */
const knowledgeCount = 1;
const jiebaTagOf: Record<KbType, string> = {
  person: "nr",
  organization: "nt",
  location: "ns",
  material: "n",
};

function knowledgeWords(): { word: string; tag: string }[] {
  const out: { word: string; tag: string }[] = [];
  for (const entry of knowledgeBase.values()) {
    for (const name of [entry.zh, ...(entry.aliases ?? [])]) {
      if (name && hanOnly.test(name) && [...name].length <= maxWordLength)
        out.push({ word: name, tag: jiebaTagOf[entry.type] });
    }
  }
  return out;
}

/** Every word made, by id. */
export const wordById: Word[] = [];

export function makeWord(chars: string[], logP: number, tag: string): Word {
  const first = chars[0] ?? "";
  const last = chars[chars.length - 1] ?? "";
  const word = {
    id: wordById.length,
    chars,
    text: chars.join(""),
    logP,
    tag,
    first,
    last,
    key: `${last}\u0000${tag}`,
  };
  wordById.push(word);
  return word;
}

const formCache = new Map<string, string[]>();

/** The damaged forms of a character: one, or two where Windows-874 keeps a C1 byte. */
function formsOf(ch: string): string[] {
  let forms = formCache.get(ch);
  if (!forms) {
    const iso = damagedForm(ch, "iso-8859-11");
    const win = damagedForm(ch, "windows-874");
    forms = iso === win ? [iso] : [iso, win];
    formCache.set(ch, forms);
  }
  return forms;
}

function insert(root: FormNode, chars: string[], k: number, node: FormNode, word: Word): void {
  if (k === chars.length) {
    node.words.push(word);
    return;
  }
  for (const form of formsOf(chars[k] ?? "")) {
    let child = node.children.get(form);
    if (!child) {
      child = { children: new Map(), words: [] };
      node.children.set(form, child);
    }
    insert(root, chars, k + 1, child, word);
  }
}

function sortWords(node: FormNode): void {
  node.words.sort((a, b) => b.logP - a.logP);
  for (const child of node.children.values()) sortWords(child);
}

let shared: Lexicon | null = null;

export function lexicon(): Lexicon {
  if (shared) return shared;
  const classes = hanPos();
  const counts = new Map<string, { freq: number; tag: string }>();
  let total = 0;
  const add = (word: string, freq: number, tag: string) => {
    // A word listed twice (dictionary and domain) keeps both counts and the dictionary's tag.
    const prior = counts.get(word);
    counts.set(word, { freq: (prior?.freq ?? 0) + freq, tag: prior?.tag ?? tag });
    total += freq;
  };
  for (const line of jiebaDictionary().toString("utf8").split("\n")) {
    const [word, freqText, tag] = line.split(" ");
    const freq = Number(freqText) ** freqExponent;
    if (!word || !(freq > 0) || [...word].length > maxWordLength) continue;
    add(word, freq, classes.classOf(word, tag?.trim() || "n"));
  }
  for (const [word, count] of charModel().words)
    add(word, count * domainBoost, classes.classOf(word, "n"));
  for (const { word, tag } of knowledgeWords())
    add(word, knowledgeCount * domainBoost, classes.classOf(word, tag));

  const singles = new Map<string, Word>();
  const forms: FormNode = { children: new Map(), words: [] };
  const byText = new Map<string, Word>();
  for (const [word, { freq, tag }] of counts) {
    const chars = [...word];
    const w = makeWord(chars, Math.log(freq / total), tag);
    byText.set(word, w);
    if (chars.length === 1) singles.set(word, w);
    else insert(forms, chars, 0, forms, w);
  }
  sortWords(forms);
  shared = { singles, forms, byText, unknownLogP: Math.log(0.5 / total) };
  return shared;
}

const unknownWords = new Map<string, Word>();

/** The one-character word of `c`: the lexicon's, or one of unknown class costing `unknownLogP`. */
export function singleWord(lex: Lexicon, c: string): Word {
  const known = lex.singles.get(c);
  if (known) return known;
  let w = unknownWords.get(c);
  if (!w) {
    w = makeWord([c], lex.unknownLogP, unknownTag);
    unknownWords.set(c, w);
  }
  return w;
}
