/**
 * The command line loads only the command asked for; the overview and a
 * mistyped name still see every command.
 */
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const cli = fileURLToPath(new URL("../../../workers/cli/lodestone.ts", import.meta.url));
const run = promisify(execFile);

async function lodestone(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ["--import", "tsx", cli, ...args]);
    return { code: 0, out: stdout, err: stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, out: failed.stdout, err: failed.stderr };
  }
}

const COMMANDS = [
  "process",
  "enqueue",
  "workers",
  "infra",
  "index",
  "failed",
  "dead-letters",
  "repair",
  "sources",
  "schedules",
  "api",
  "dashboards",
  "search",
];

describe("the command line", () => {
  it("lists every command in its overview", async () => {
    const { code, out } = await lodestone("--help");
    expect(code).toBe(0);
    for (const name of COMMANDS) expect(out).toMatch(new RegExp(`^  ${name} `, "m"));
  }, 30_000);

  it("shows one command's options", async () => {
    const { code, out } = await lodestone("enqueue", "--help");
    expect(code).toBe(0);
    expect(out).toContain("Usage: lodestone enqueue [options] <sources...>");
    expect(out).toContain("--schedule <cron>");
  }, 30_000);

  it("answers `help <command>` and a mistyped name as before", async () => {
    const help = await lodestone("help", "sources");
    expect(help.out).toContain("Usage: lodestone sources");
    const typo = await lodestone("enqeue", "x.txt");
    expect(typo.code).toBe(1);
    expect(typo.err).toContain("unknown command 'enqeue'");
    expect(typo.err).toContain("(Did you mean enqueue?)");
  }, 30_000);

  it("runs the command asked for", async () => {
    const seed = fileURLToPath(new URL("../../../seeds/003_f58dcddd2ff7dc9e.txt", import.meta.url));
    const { code, out } = await lodestone("repair", seed);
    expect(code).toBe(0);
    expect(out).toContain("Baogang Group’s internal news cycle");
  }, 30_000);

  it("stops quietly when the reader of its output closes the pipe (`| head`)", async () => {
    const seeds = fileURLToPath(new URL("../../../seeds", import.meta.url));
    // A real pipe into head, which exits after 100 bytes of the ~80 KB the seeds print.
    const script = `"$0" --import tsx "$1" process "$2" | head -c 100 > /dev/null; echo "exit=\${PIPESTATUS[0]}" >&2`;
    const { stderr } = await run("bash", ["-c", script, process.execPath, cli, seeds]);
    expect(stderr).not.toContain("EPIPE");
    expect(stderr).toContain("exit=0");
  }, 60_000);
});
