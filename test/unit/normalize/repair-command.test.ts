import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { repairCommand, summarizeRepairs } from "../../../workers/cli/repair-command.ts";

function capture(stream: NodeJS.WriteStream): { text: () => string } {
  let out = "";
  vi.spyOn(stream, "write").mockImplementation((chunk: string | Uint8Array) => {
    out += typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8");
    return true;
  });
  return { text: () => out };
}

describe("lodestone repair", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("prints the repaired text on stdout and a one-line summary on stderr", async () => {
    const dir = mkdtempSync(join(tmpdir(), "lodestone-repair-"));
    const file = join(dir, "damaged.txt");
    writeFileSync(file, "Baogang Groupโs โstudy and implementโ plan\nLeave a Reply\n");
    const stdout = capture(process.stdout);
    const stderr = capture(process.stderr);
    await repairCommand().parseAsync([file], { from: "user" });
    // No boilerplate removal: "Leave a Reply" stays.
    expect(stdout.text()).toBe("Baogang Group’s “study and implement” plan\nLeave a Reply\n");
    expect(stderr.text()).toMatch(
      /^repair: 3 mojibake \(utf-8 read as iso-8859-11, C1 bytes dropped; \d+ characters inferred from context\)\n$/,
    );
  });

  it("explains each repaired span with its path and scores when asked", async () => {
    const dir = mkdtempSync(join(tmpdir(), "lodestone-repair-"));
    const file = join(dir, "damaged.txt");
    writeFileSync(file, "Groupâ€™s plan for LiĂ¨ge; MOËT® stays\n");
    const stdout = capture(process.stdout);
    const stderr = capture(process.stderr);
    await repairCommand().parseAsync([file, "--explain"], { from: "user" });
    expect(stdout.text()).toBe("Group’s plan for Liège; MOËT® stays\n");
    expect(stderr.text()).toContain('"â€™" → "’"\n  via utf-8 read as windows-1252; score ');
    expect(stderr.text()).toContain('"Ă¨" → "è"\n  via utf-8 read as windows-1250; score ');
    expect(stderr.text()).not.toContain("MOËT");
  });

  it("says so when there is nothing to repair", () => {
    expect(summarizeRepairs([])).toBe("repair: nothing to repair");
  });
});
