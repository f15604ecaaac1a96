/**
 * Publication dates as layouts write them → ISO 8601 (date, or date-time
 * when given): the first date of a metadata field (findIsoDate) and a line
 * that is nothing but a date (parseDateLine). Dates inside running text, at
 * the precision the text gives, are the enrich stage's (enrich/dates.ts).
 */
import { MONTH_ABBREVIATIONS, MONTH_NAMES } from "./months.ts";

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

function isoDate(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1800 || y > 2200) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** A month name or a prefix of one ("Sept.", "Decem") → 1–12; 0 when it is none. */
function monthIndex(name: string): number {
  const key = name.toLowerCase().replace(/\.$/, "");
  const exact = MONTH_NAMES[key] ?? MONTH_ABBREVIATIONS[key];
  if (exact !== undefined) return exact;
  if (key.length < 3) return 0;
  const named = Object.entries(MONTH_NAMES).find(([month]) => month.startsWith(key));
  return named ? named[1] : 0;
}

/** Finds the first date in a string; null when there is none. */
export function findIsoDate(text: string): string | null {
  const t = text.normalize("NFKC");
  const iso =
    /(?<!\d)(\d{4})-(\d{2})-(\d{2})(T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?/.exec(
      t,
    );
  if (iso) {
    const day = isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    if (day) return iso[4] ? `${day}${iso[4]}` : day;
  }
  const slash = /\b(\d{4})[/.](\d{1,2})[/.](\d{1,2})\b/.exec(t);
  if (slash) return isoDate(Number(slash[1]), Number(slash[2]), Number(slash[3]));
  const zh = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/.exec(t);
  if (zh) return isoDate(Number(zh[1]), Number(zh[2]), Number(zh[3]));
  const mdy = /\b([A-Za-z]{3,9}\.?)\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b/.exec(t);
  if (mdy?.[1] && monthIndex(mdy[1]) > 0) {
    return isoDate(Number(mdy[3]), monthIndex(mdy[1]), Number(mdy[2]));
  }
  const dmy = /\b(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9}\.?),?\s+(\d{4})\b/.exec(t);
  if (dmy?.[2] && monthIndex(dmy[2]) > 0) {
    return isoDate(Number(dmy[3]), monthIndex(dmy[2]), Number(dmy[1]));
  }
  return null;
}

/** A line that is only a date: `1989-01-16`, `1989/1/16`, `1989年1月16日` (full-width digits too). */
export function parseDateLine(line: string): string | null {
  const folded = line.normalize("NFKC").trim();
  const match =
    /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(folded) ??
    /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/.exec(folded);
  if (match === null) return null;
  return isoDate(Number(match[1]), Number(match[2]), Number(match[3]));
}
