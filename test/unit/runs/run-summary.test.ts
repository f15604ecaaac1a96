/** The run summary stays one screen over thousands of sources, and never hides a failure. */
import { describe, expect, it } from "vitest";
import { SHOWN_SOURCES, summarize } from "../../../workers/runs/run-summary.ts";
import type { SourceOutcome } from "../../../workers/runs/run-tracker.ts";

function outcome(i: number, failed = false): SourceOutcome {
  const id = `src-${i}`;
  return {
    source: { id, uri: `/data/${id}.txt` },
    status: failed ? "failed" : "indexed",
    documents: failed
      ? []
      : [{ docId: id, lang: "en", result: "created", version: 1, entities: 2, repairs: [] }],
    failures: failed
      ? [{ stage: "normalize", jobId: `run.normalize.${id}`, reason: `${id}: body is too long` }]
      : [],
  };
}

describe("run summary", () => {
  const outcomes = Array.from({ length: 1000 }, (_, i) => outcome(i, i % 250 === 7));

  it("prints counts, every failure in full and the first few other sources", () => {
    const lines = summarize(outcomes).split("\n");
    expect(lines[0]).toBe("Sources: 1000 (failed 4, indexed 996)");
    expect(lines.filter((l) => l.startsWith("  indexed")).length).toBe(SHOWN_SOURCES);
    expect(lines).toContain(`  … and ${996 - SHOWN_SOURCES} more (--verbose lists every source)`);
    expect(lines).toContain("Failed: 4 source(s)");
    expect(lines.filter((l) => l.startsWith("    failed at normalize")).length).toBe(4);
    expect(lines).toContain(
      "    failed at normalize (run.normalize.src-257): src-257: body is too long",
    );
    expect(lines.length).toBeLessThanOrEqual(30);
  });

  it("lists every source when verbose, and all of a small run without being asked", () => {
    expect(summarize(outcomes, undefined, { verbose: true }).split("\n").length).toBeGreaterThan(
      1000,
    );
    const small = summarize(outcomes.slice(0, 5));
    expect(small).not.toContain("more (--verbose");
    expect(small.split("\n").filter((l) => l.startsWith("  indexed")).length).toBe(5);
  });
});
