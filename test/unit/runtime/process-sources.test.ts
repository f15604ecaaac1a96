/**
 * `lodestone process` over many sources (process-sources.ts): on stage
 * threads, several sources in flight, the documents are the ones the
 * sequential run on this thread gives, in the order of the sources; a source
 * over its budget is reported with its reason and the others go through.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { runInProcess } from "../../../pipelines/run-in-process.ts";
import { createLogger } from "../../../shared/logger.ts";
import { resolveSources } from "../../../workers/runs/enqueue-sources.ts";
import { processSources } from "../../../workers/runs/process-sources.ts";

const seeds = fileURLToPath(new URL("../../../seeds/", import.meta.url));
const logConfig = { LOG_LEVEL: "silent" as const, LOG_FORMAT: "json" as const };
const log = createLogger(logConfig);
const options = {
  timeoutMs: 5000,
  maxBytes: 5_000_000,
  now: () => new Date("2026-01-01T00:00:00Z"),
};

describe("processing many sources in one process", () => {
  const dir = mkdtempSync(join(tmpdir(), "process-sources-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("gives the sequential run's documents in source order, on two threads", async () => {
    const sources = await resolveSources(
      readdirSync(seeds)
        .filter((name) => name.endsWith(".txt"))
        .map((name) => join(seeds, name)),
    );
    expect(sources.length).toBeGreaterThanOrEqual(5);
    const sequential = [];
    for (const source of sources)
      sequential.push(...(await runInProcess(source, options, { log })));
    let ready = 0;
    const ended: string[] = [];
    const outcomes = await processSources(sources, options, {
      config: { ...logConfig, STAGE_THREADS: 2, STAGE_TIME_LIMIT_MS: 30_000 },
      log,
      onReady: () => ready++,
      onSource: (outcome) => ended.push(outcome.source.id),
    });
    expect(ready).toBe(1);
    expect(ended.sort()).toEqual(sources.map((source) => source.id).sort());
    expect(outcomes.map((outcome) => outcome.source.id)).toEqual(sources.map((s) => s.id));
    expect(outcomes.every((outcome) => outcome.error === undefined)).toBe(true);
    expect(outcomes.flatMap((outcome) => outcome.documents)).toEqual(sequential);
  }, 120_000);

  it("reports a source over its budget and hands on the others", async () => {
    const small = join(dir, "a-small.txt");
    const large = join(dir, "b-large.txt");
    writeFileSync(small, "Lynas Rare Earths raised output at Mount Weld this quarter.\n");
    writeFileSync(large, "Rare earth prices rose. ".repeat(2_000));
    const sources = await resolveSources([small, large]);
    const outcomes = await processSources(
      sources,
      {
        ...options,
        budgets: {
          maxChars: 10_000,
          maxElements: 50_000,
          maxMentions: 50_000,
          maxDocumentChars: 10_000,
        },
      },
      { config: { ...logConfig, STAGE_THREADS: 2, STAGE_TIME_LIMIT_MS: 30_000 }, log },
    );
    const [first, second] = outcomes;
    expect(first?.error).toBeUndefined();
    expect(first?.documents).toHaveLength(1);
    expect(second?.documents).toEqual([]);
    expect(second?.error?.message).toMatch(/over the budget of 10000 \(STAGE_MAX_CHARS\)/);
  }, 120_000);
});
