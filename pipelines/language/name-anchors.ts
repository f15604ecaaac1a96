/**
 * Names that a translation renders in the other script: the places,
 * companies and elements rare-earth news keeps mentioning. Only an alignment
 * hint — a paragraph that names Baotou and dysprosium pairs better with one
 * that says 包头 and 镝 — not an entity list (that is the enrich stage's job).
 * Simplified and Traditional forms both listed.
 */
const NAME_PAIRS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ["baotou", ["包头", "包頭"]],
  ["inner mongolia", ["内蒙古", "內蒙古"]],
  ["ganzhou", ["赣州", "贛州"]],
  ["jiangxi", ["江西"]],
  ["sichuan", ["四川"]],
  ["fujian", ["福建"]],
  ["shanghai", ["上海"]],
  ["beijing", ["北京"]],
  ["jilin", ["吉林"]],
  ["zhejiang", ["浙江"]],
  ["hong kong", ["香港"]],
  ["taiwan", ["台湾", "臺灣", "台灣"]],
  ["japan", ["日本"]],
  ["united states", ["美国", "美國"]],
  ["europe", ["欧洲", "歐洲"]],
  ["australia", ["澳大利亚", "澳洲"]],
  ["malaysia", ["马来西亚", "馬來西亞"]],
  ["myanmar", ["缅甸", "緬甸"]],
  ["vietnam", ["越南"]],
  ["lynas", ["莱纳斯", "萊納斯"]],
  ["baogang", ["包钢", "包鋼"]],
  ["northern rare earth", ["北方稀土"]],
  ["china rare earth group", ["中国稀土集团", "中國稀土集團"]],
  ["ministry of commerce", ["商务部", "商務部"]],
  ["state council", ["国务院", "國務院"]],
  ["neodymium", ["钕", "釹"]],
  ["praseodymium", ["镨", "鐠"]],
  ["dysprosium", ["镝", "鏑"]],
  ["terbium", ["铽", "鋱"]],
  ["lanthanum", ["镧", "鑭"]],
  ["cerium", ["铈", "鈰"]],
  ["samarium", ["钐", "釤"]],
  ["yttrium", ["钇", "釔"]],
  ["gallium", ["镓", "鎵"]],
  ["germanium", ["锗", "鍺"]],
  ["monazite", ["独居石", "獨居石"]],
];

const ENGLISH = NAME_PAIRS.map(
  // Demonyms and possessives count: Malaysian, Japanese, European, Lynas's.
  ([english]) =>
    [english, new RegExp(`\\b${english.replace(/ /g, "\\s+")}(?:n|an|ese|'s)?\\b`, "i")] as const,
);

/** `~baotou` for every listed name the text mentions in either language. */
export function nameAnchors(text: string): string[] {
  const found: string[] = [];
  NAME_PAIRS.forEach(([english, chinese], index) => {
    const pattern = ENGLISH[index]?.[1];
    if (pattern?.test(text) || chinese.some((name) => text.includes(name)))
      found.push(`~${english}`);
  });
  return found;
}
