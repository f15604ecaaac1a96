/**
 * A worker process killed with SIGKILL in the middle of a job: another worker
 * takes the stalled job over, and every document ends up indexed exactly once.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sourceIdFor } from "../../shared/ids.ts";
import { createRedis } from "../../shared/redis.ts";
import { readSourcesManifest } from "../../shared/sources-manifest.ts";
import { ingestAndWait } from "../../workers/runs/ingest-run.ts";
import { closeQueueSet, createQueueSet, type QueueSet } from "../../workers/runtime/queue-set.ts";
import { type HttpFixture, startHttpFixture } from "./http-fixture.ts";
import { createTestEnv, documentsIn } from "./test-env.ts";

const cli = fileURLToPath(new URL("../../workers/cli/lodestone.ts", import.meta.url));
const manifest = fileURLToPath(new URL("../../seeds/sources.json", import.meta.url));

function startWorkers(env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", cli, "workers"], { env, stdio: "ignore" });
}

describe("a worker killed mid-job", () => {
  const t = createTestEnv("killed", { STALLED_INTERVAL_MS: "1000", LOCK_DURATION_MS: "2000" });
  let queues: QueueSet;
  let http: HttpFixture;
  let firstRequest: () => void;
  const requested = new Promise<void>((resolve) => {
    firstRequest = resolve;
  });
  const connection = createRedis(t.config);
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    http = await startHttpFixture({
      // The first request hangs (its worker is killed while waiting); the retry is answered.
      "/slow.txt": (_req, res, hit) => {
        if (hit === 1) {
          firstRequest();
          return;
        }
        res
          .writeHead(200, { "content-type": "text/plain" })
          .end("MP Materials ships NdFeB magnets from Fort Worth, Texas.");
      },
    });
    queues = createQueueSet(t.config, connection);
  });

  afterAll(async () => {
    for (const child of children) child.kill("SIGKILL");
    await closeQueueSet(queues);
    connection.disconnect();
    await http.close();
    await t.cleanup();
  });

  it("loses no document and doubles none", async () => {
    const slow = { id: sourceIdFor(http.url("/slow.txt")), uri: http.url("/slow.txt") };
    const sources = [slow, ...(await readSourcesManifest(manifest))];
    const run = ingestAndWait(t.config, queues, sources, t.log);

    const doomed = startWorkers(t.env);
    children.push(doomed);
    await requested;
    doomed.kill("SIGKILL");
    await new Promise((resolve) => doomed.once("exit", resolve));
    children.push(startWorkers(t.env));

    const outcomes = await run;
    expect(outcomes.filter((o) => o.status !== "indexed")).toEqual([]);
    // The killed job ran again on the second worker.
    expect(http.hits("/slow.txt")).toBe(2);
    const ids = (await documentsIn(t.opensearch, t.config.INDEX_ALIAS)).map((d) => d._id);
    expect(ids).toHaveLength(7);
    expect(new Set(ids).size).toBe(7);
    expect(ids).toContain(slow.id);
  });
});
