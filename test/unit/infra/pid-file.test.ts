import { spawnSync } from "node:child_process";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { livePidOrClear, stopByPidFile } from "../../../infra/local/pid-file.ts";

async function pidFile(content: string): Promise<string> {
  const file = join(await mkdtemp(join(tmpdir(), "pid-file-")), "daemon.pid");
  await writeFile(file, content);
  return file;
}

/** A pid that was just in use and is now free. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"]);
  return Number(child.stdout.toString());
}

describe("pid files left by an earlier run", () => {
  it("keeps the file of a live process running the program", async () => {
    const file = await pidFile(`${process.pid}\n`);
    expect(await livePidOrClear(file, "node")).toBe(process.pid);
    expect(await readFile(file, "utf8")).toBe(`${process.pid}\n`);
  });

  it("removes the file when its process is gone", async () => {
    const file = await pidFile(`${deadPid()}\n`);
    expect(await livePidOrClear(file, "node")).toBeUndefined();
    await expect(readFile(file, "utf8")).rejects.toMatchObject({ code: "ENOENT" });
  });

  it("removes the file when the pid now belongs to another program", async () => {
    const file = await pidFile(`${process.pid}\n`);
    expect(await livePidOrClear(file, "org.opensearch.bootstrap.OpenSearch")).toBeUndefined();
    await expect(readFile(file, "utf8")).rejects.toMatchObject({ code: "ENOENT" });
  });

  it("does not signal a process whose pid was reused", async () => {
    const file = await pidFile(`${process.pid}\n`);
    expect(await stopByPidFile(file, "redis-server")).toBe(false);
  });

  it("treats garbage as no pid", async () => {
    const file = await pidFile("not a pid");
    expect(await livePidOrClear(file, "node")).toBeUndefined();
  });
});
