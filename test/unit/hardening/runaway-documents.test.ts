/**
 * No document may hold a worker: overlap settling is O(n log n), a stage's
 * size budgets refuse a runaway input at once, and the thread pool stops a
 * job over its time limit (a BudgetExceededError naming STAGE_TIME_LIMIT_MS)
 * while the main thread stays free and another job completes.
 */
import { readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { DEFAULT_STAGE_BUDGETS } from "../../../pipelines/budgets.ts";
import { type Candidate, resolveOverlaps } from "../../../pipelines/enrich/candidate.ts";
import { findEntities } from "../../../pipelines/enrich/find-entities.ts";
import { BudgetExceededError, PermanentError } from "../../../shared/errors.ts";
import { createLogger } from "../../../shared/logger.ts";
import { StagePool } from "../../../workers/runtime/stage-pool.ts";

const seed = readFileSync(
  new URL("../../../seeds/000_8ecb7e1744039315.txt", import.meta.url),
  "utf8",
);

function fetched(text: string, mediaType = "text/plain") {
  return {
    id: "doc-1",
    source: { id: "doc-1", uri: "/tmp/doc.txt" },
    media_type: mediaType,
    text,
    encoding: { detected: "utf-8" },
    repairs: [],
    content_hash: "0".repeat(64),
    fetched_at: "2026-01-01T00:00:00.000Z",
  };
}

describe("resolveOverlaps", () => {
  it("settles 100,000 overlapping candidates in well under a second", () => {
    const candidates: Candidate[] = [];
    for (let i = 0; i < 100_000; i += 1) {
      const start = i * 3;
      candidates.push({
        start,
        end: start + 2 + (i % 4),
        id: `loc:x${i % 50}`,
        type: "location",
        name: "X",
        source: i % 3 === 0 ? "ner" : "kb",
      });
    }
    const started = performance.now();
    const taken = resolveOverlaps(candidates);
    expect(performance.now() - started).toBeLessThan(1000);
    for (let i = 1; i < taken.length; i += 1) {
      expect((taken[i]?.start ?? 0) >= (taken[i - 1]?.end ?? 0)).toBe(true);
    }
  });

  it("keeps the longest strong name, and lets statistical guesses fill only the gaps", () => {
    const c = (start: number, end: number, source: Candidate["source"], id: string): Candidate => ({
      start,
      end,
      id,
      type: "organization",
      name: id,
      source,
    });
    const taken = resolveOverlaps([
      c(0, 6, "kb", "short"),
      c(0, 30, "pattern", "long"),
      c(10, 40, "ner", "guess-over"),
      c(50, 60, "ner", "guess-gap"),
    ]);
    expect(taken.map((t) => t.id)).toEqual(["long", "guess-gap"]);
  });
});

describe("the mention budget", () => {
  it("fails a text with more candidate mentions than STAGE_MAX_MENTIONS, for good", () => {
    const text = "Baotou and Baotou and Baotou. ".repeat(100);
    const error = (() => {
      try {
        return findEntities(text, "en", { maxMentions: 100 });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(BudgetExceededError);
    expect(String(error)).toMatch(
      /enrich: \d+ mentions, over the budget of 100 \(STAGE_MAX_MENTIONS\)/,
    );
    expect(findEntities(text, "en", { maxMentions: 1000 }).length).toBeGreaterThan(0);
  });
});

/** `sentences` sentences, each naming two people and an organisation never seen before. */
function nameDenseText(sentences: number): string {
  const syllables = [
    "ka",
    "lo",
    "mi",
    "ren",
    "tos",
    "val",
    "dor",
    "gu",
    "shi",
    "ter",
    "bex",
    "nor",
  ];
  const name = (i: number) => {
    const first = syllables[i % 12] ?? "";
    return `${first.charAt(0).toUpperCase()}${first.slice(1)}${syllables[(i * 7 + 3) % 12]}${i % 97}`;
  };
  return Array.from(
    { length: sentences },
    (_, i) => `Said ${name(i)} ${name(i + 5)}, director of ${name(i + 11)} ${name(i + 17)} Works.`,
  ).join(" ");
}

describe("the stage pool", () => {
  const log = createLogger({ LOG_LEVEL: "silent", LOG_FORMAT: "json" });
  const pool = new StagePool({
    // Two threads that each run every stage: one can be stopped while the other works.
    groups: [
      ["normalize", "language", "enrich"],
      ["normalize", "language", "enrich"],
    ],
    timeLimitMs: 1500,
    budgets: DEFAULT_STAGE_BUDGETS,
    logConfig: { LOG_LEVEL: "silent", LOG_FORMAT: "json" },
    log,
  });
  afterAll(() => pool.close());

  it("runs the CPU-bound stages in a thread on plain JSON", async () => {
    const [normalized] = await pool.run("normalize", fetched(seed));
    const [language] = await pool.run("language", normalized);
    const [enriched] = await pool.run("enrich", language);
    expect(enriched).toMatchObject({ id: "doc-1", lang: "en" });
    expect((enriched as { entities: unknown[] }).entities.length).toBeGreaterThan(3);
  });

  it("refuses 100,000 nested <div>s and 5 MB of prose at once, naming the budget", async () => {
    const nested = `<html><body>${"<div>".repeat(100_000)}text${"</div>".repeat(100_000)}</body></html>`;
    let started = performance.now();
    const deep = await pool.run("normalize", fetched(nested, "text/html")).catch((e) => e);
    expect(deep).toBeInstanceOf(BudgetExceededError);
    expect(String(deep)).toMatch(
      /100002 HTML elements, over the budget of 50000 \(STAGE_MAX_ELEMENTS\)/,
    );
    expect(performance.now() - started).toBeLessThan(5000);
    const prose = seed.repeat(Math.ceil(5_000_000 / seed.length));
    started = performance.now();
    const long = await pool.run("normalize", fetched(prose)).catch((e) => e);
    expect(long).toBeInstanceOf(BudgetExceededError);
    expect(String(long)).toMatch(/characters, over the budget of 500000 \(STAGE_MAX_CHARS\)/);
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it("stops a job over the time limit for good while the event loop stays free and another job completes", async () => {
    // A pool of its own whose size budgets let through a document several times over the
    // time limit on a fast machine: the entity recogniser reads ~3,000 such sentences a
    // second, and the default 500,000 characters hold only about 7,000 of them.
    const timed = new StagePool({
      groups: [
        ["normalize", "language", "enrich"],
        ["normalize", "language", "enrich"],
      ],
      timeLimitMs: 1500,
      budgets: { ...DEFAULT_STAGE_BUDGETS, maxChars: 5_000_000, maxMentions: 500_000 },
      logConfig: { LOG_LEVEL: "silent", LOG_FORMAT: "json" },
      log,
    });
    try {
      await stopsTheRunaway(timed);
    } finally {
      await timed.close();
    }
  });

  async function stopsTheRunaway(pool: StagePool): Promise<void> {
    const [normalized] = await pool.run("normalize", fetched(seed));
    const [language] = await pool.run("language", normalized);
    // Both threads load the entity recogniser before the clock starts.
    await Promise.all([pool.run("enrich", language), pool.run("enrich", language)]);
    // Within every size budget, but seconds of work for the entity recogniser: every
    // sentence names people and organisations no list knows (several times the time limit).
    const slow = { ...(language as object), body: nameDenseText(20_000) };
    let worstLag = 0;
    let last = performance.now();
    const ticker = setInterval(() => {
      const now = performance.now();
      worstLag = Math.max(worstLag, now - last - 20);
      last = now;
    }, 20);
    const started = performance.now();
    const [stopped, other] = await Promise.allSettled([
      pool.run("enrich", slow).finally(() => {
        expect(performance.now() - started).toBeLessThan(1500 + 1000 + 500);
      }),
      pool.run("enrich", language),
    ]);
    clearInterval(ticker);
    expect(stopped.status).toBe("rejected");
    const reason = stopped.status === "rejected" ? stopped.reason : undefined;
    expect(reason).toBeInstanceOf(BudgetExceededError);
    expect(reason).toBeInstanceOf(PermanentError);
    expect(String(reason)).toMatch(/over the time limit \(STAGE_TIME_LIMIT_MS\)/);
    expect(other.status).toBe("fulfilled");
    expect(worstLag).toBeLessThan(250);
    // The pool goes on with a fresh thread.
    const [again] = await pool.run("enrich", language);
    expect(again).toMatchObject({ id: "doc-1" });
  }
});
