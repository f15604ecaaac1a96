/**
 * The drill's corpus: N small news files, each different (names, figures,
 * dates vary with its number), every fifth in Chinese, none bilingual, so
 * each yields exactly one document whose id is known before the run.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";

const COMPANIES = [
  "China Northern Rare Earth",
  "Lynas Rare Earths",
  "MP Materials",
  "Shenghe Resources",
  "Iluka Resources",
  "China Rare Earth Group",
];
const PLACES = ["Baotou", "Ganzhou", "Mount Weld", "Mountain Pass", "Kalgoorlie", "Longnan"];
const MATERIALS = ["neodymium", "praseodymium", "dysprosium", "terbium", "lanthanum", "cerium"];
const ZH_COMPANIES = ["北方稀土", "中国稀土集团", "盛和资源", "厦门钨业", "广晟有色"];
const ZH_PLACES = ["包头", "赣州", "龙南", "四川", "内蒙古"];
const ZH_MATERIALS = ["氧化镨钕", "氧化镝", "氧化铽", "氧化镧", "氧化铈"];

function pick<T>(items: readonly T[], n: number): T {
  const item = items[n % items.length];
  if (item === undefined) throw new Error("empty list");
  return item;
}

function dateOf(n: number): string {
  const day = new Date(Date.UTC(2025, 0, 1) + (n % 365) * 86_400_000);
  return day.toISOString().slice(0, 10);
}

function english(n: number): string {
  const company = pick(COMPANIES, n);
  const place = pick(PLACES, n * 7 + 3);
  const material = pick(MATERIALS, n * 5 + 1);
  const tonnes = 100 + ((n * 37) % 9000);
  const price = 400 + ((n * 13) % 600);
  return [
    `${company} reports ${material} output at ${place} (drill note ${n})`,
    `Date: ${dateOf(n)}`,
    "",
    `${company} said on ${dateOf(n)} that its ${place} operations produced ${tonnes} tonnes of ${material} oxide in the quarter, ${n % 2 ? "up" : "down"} ${(n % 17) + 1}% from the previous one.`,
    `Prices of ${material} oxide stood at ${price} thousand yuan per tonne, according to traders quoted in note ${n}.`,
    `The company expects demand from magnet makers to ${n % 3 ? "grow" : "hold steady"} through the year, and plans to invest ${(n % 50) + 5} million dollars in separation capacity.`,
    "",
  ].join("\n");
}

function chinese(n: number): string {
  const company = pick(ZH_COMPANIES, n);
  const place = pick(ZH_PLACES, n * 3 + 1);
  const material = pick(ZH_MATERIALS, n * 7 + 2);
  const tonnes = 100 + ((n * 37) % 9000);
  return [
    `${company}${place}基地${material}产量公告（演练第${n}号）`,
    "",
    `${company}表示，本季度${place}基地共生产${material}${tonnes}吨，较上一季度${n % 2 ? "增长" : "下降"}百分之${(n % 17) + 1}。`,
    `据市场人士介绍，${material}价格维持在每吨${400 + ((n * 13) % 600)}千元左右，下游磁材企业采购意愿${n % 3 ? "较强" : "平稳"}。`,
    `公司计划投资${(n % 50) + 5}亿元扩大分离产能，预计明年投产。`,
    "",
  ].join("\n");
}

/** Writes `count` files into `dir`; returns their paths. */
export async function writeDrillCorpus(dir: string, count: number): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const paths: string[] = [];
  for (let n = 0; n < count; n += 1) {
    const path = join(dir, `drill-${String(n).padStart(6, "0")}.txt`);
    await writeFile(path, n % 5 === 4 ? chinese(n) : english(n));
    paths.push(path);
  }
  return paths;
}
