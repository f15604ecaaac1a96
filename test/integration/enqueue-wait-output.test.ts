/**
 * `lodestone enqueue DIR --wait` over many files stays quiet: no
 * MaxListenersExceededWarning (BullMQ's waitUntilFinished used to add a
 * listener per job; more than ten at once tripped it), counts and the first
 * few sources instead of one line per source, every failure in full,
 * `--verbose` for every source and `--json` for machines.
 */
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SHOWN_SOURCES } from "../../workers/runs/run-summary.ts";
import { createTestEnv, type RunningPipeline, startPipeline } from "./test-env.ts";

const run = promisify(execFile);
const cli = fileURLToPath(new URL("../../workers/cli/lodestone.ts", import.meta.url));
const FILES = 60;

describe("enqueue --wait over many files", () => {
  const t = createTestEnv("enqueue-wait", { WORKER_CONCURRENCY: "8", MAX_DOCUMENT_CHARS: "1000" });
  let pipeline: RunningPipeline;
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "lodestone-many-"));
    for (let i = 0; i < FILES; i += 1) {
      await writeFile(
        join(dir, `note-${String(i).padStart(3, "0")}.txt`),
        `Note ${i}: Baotou shipped ${i} tonnes of rare-earth oxide to Ganzhou.\n`,
      );
    }
    await writeFile(join(dir, "over-size.txt"), `${"Lanthanum prices fell again. ".repeat(60)}\n`);
    pipeline = await startPipeline(t);
  });

  afterAll(async () => {
    await pipeline.close();
    await rm(dir, { recursive: true, force: true });
    await t.cleanup();
  });

  const enqueue = (...args: string[]) =>
    run(process.execPath, ["--import", "tsx", cli, "enqueue", dir, "--wait", ...args], {
      env: { ...t.env, LOG_LEVEL: "warn" },
      maxBuffer: 16 * 1024 * 1024,
    }).catch((error: { stdout: string; stderr: string; code: number }) => error);

  it("prints counts, the failure in full and the first few sources, and no warning", async () => {
    const { stdout, stderr } = await enqueue();
    expect(stderr).not.toMatch(/MaxListenersExceededWarning|Warning:/);
    const lines = stdout.trimEnd().split("\n");
    expect(lines.length).toBeLessThanOrEqual(30);
    expect(stdout).toContain(`Sources: ${FILES + 1} (failed 1, indexed ${FILES})`);
    expect(stdout).toContain(`… and ${FILES - SHOWN_SOURCES} more (--verbose lists every source)`);
    expect(stdout).toMatch(/Failed: 1 source\(s\)\n {2}failed +over-size-\w+\n/);
    expect(stdout).toMatch(
      /failed at normalize \([^)]+\): over-size-\w+: body is \d+ characters after cleaning, over the budget of 1000/,
    );
  });

  it("lists every source with --verbose, and prints JSON with --json", async () => {
    const verbose = await enqueue("--verbose");
    expect(
      verbose.stdout.split("\n").filter((l) => /^ {2}(indexed|unchanged)/.test(l)).length,
    ).toBe(FILES);
    const json = await enqueue("--json");
    const outcomes = JSON.parse(json.stdout) as Array<{ status: string }>;
    expect(outcomes.length).toBe(FILES + 1);
    expect(outcomes.filter((o) => o.status === "failed").length).toBe(1);
  });
});
