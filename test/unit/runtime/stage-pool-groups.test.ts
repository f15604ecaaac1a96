/**
 * The stage pool with threads bound to groups of stages (thread-groups.ts):
 * each stage goes to a thread of its group, and a stage no thread runs fails
 * at once rather than waiting for ever. A task's work time is the time its
 * function ran in the thread, not its wait for the thread.
 */
import { readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { DEFAULT_STAGE_BUDGETS } from "../../../pipelines/budgets.ts";
import { CriticalError } from "../../../shared/errors.ts";
import { createLogger } from "../../../shared/logger.ts";
import { StagePool } from "../../../workers/runtime/stage-pool.ts";

const seed = readFileSync(
  new URL("../../../seeds/000_8ecb7e1744039315.txt", import.meta.url),
  "utf8",
);

/** The seed (`copies` times over) as the fetch stage hands it on, under `id`. */
function fetchedSeed(id: string, copies = 1) {
  return {
    id,
    source: { id, uri: "/tmp/doc.txt" },
    media_type: "text/plain",
    text: Array(copies).fill(seed).join("\n\n"),
    encoding: { detected: "utf-8" },
    repairs: [],
    content_hash: "0".repeat(64),
    fetched_at: "2026-01-01T00:00:00.000Z",
  };
}

describe("a stage pool whose threads run groups of stages", () => {
  const pool = new StagePool({
    groups: [["normalize", "language"], ["enrich"]],
    timeLimitMs: 30_000,
    budgets: DEFAULT_STAGE_BUDGETS,
    logConfig: { LOG_LEVEL: "silent", LOG_FORMAT: "json" },
    log: createLogger({ LOG_LEVEL: "silent", LOG_FORMAT: "json" }),
  });
  afterAll(() => pool.close());

  it("takes a document through every stage, each in a thread of its group", async () => {
    await pool.warm();
    const fetched = fetchedSeed("doc-1");
    const [normalized] = await pool.run("normalize", fetched);
    const [language] = await pool.run("language", normalized);
    const [enriched] = await pool.run("enrich", language);
    expect(enriched).toMatchObject({ id: "doc-1", lang: "en" });
  });

  it("tells a task the time its function ran in the thread, without the wait for it", async () => {
    // Long enough that each task works for tens of milliseconds: the
    // assertions below must not hang on a fraction of a millisecond that two
    // threads' clocks and a busy machine can make.
    const input = fetchedSeed("doc-2", 12);
    // One thread runs normalize: the second task waits for the first to finish.
    const timed = async () => {
      let work = -1;
      const started = performance.now();
      await pool.run("normalize", input, (ms) => {
        work = ms;
      });
      return { work, wall: performance.now() - started };
    };
    const [first, second] = await Promise.all([timed(), timed()]);
    expect(first?.work).toBeGreaterThan(0);
    expect(second?.work).toBeGreaterThan(0);
    expect(first?.work).toBeLessThanOrEqual(first?.wall ?? 0);
    // The second task waited for the first: its wall time holds both
    // functions' times, its work time only its own (half the first's work
    // is a margin no clock error reaches; a wait counted in would exceed it).
    expect(second?.work).toBeLessThanOrEqual((second?.wall ?? 0) - 0.5 * (first?.work ?? 0));
  });

  it("fails a stage that no thread runs, at once", async () => {
    await expect(pool.run("fetch", {})).rejects.toBeInstanceOf(CriticalError);
  });
});
