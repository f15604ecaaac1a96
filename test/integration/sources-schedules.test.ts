/**
 * Sources and schedules through the CLI, against a local HTTP server and
 * workers: `enqueue --schedule` registers the source and a job scheduler,
 * `schedules list` shows its next run, scheduled runs fetch conditionally
 * (unchanged → nothing re-indexed) and re-index a changed source under the
 * same id, `sources show` tells the last run, `sources remove` stops it all.
 * A scheduled folder picks up the files added to it.
 */
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath, pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sourceIdFor } from "../../shared/ids.ts";
import { createRedis } from "../../shared/redis.ts";
import { startWorkerHost, type WorkerHost } from "../../workers/runtime/worker-host.ts";
import { runIdOf, SCHEDULED_RUN_MARKER } from "../../workers/sources/scheduled-run.ts";
import { nextRunOf, ScheduleError } from "../../workers/sources/schedules.ts";
import { SourceRegistry } from "../../workers/sources/source-registry.ts";
import { sourceInputSchema } from "../../workers/sources/source-service.ts";
import { type HttpFixture, startHttpFixture } from "./http-fixture.ts";
import { createTestEnv } from "./test-env.ts";
import { until } from "./until.ts";

const run = promisify(execFile);
const cli = fileURLToPath(new URL("../../workers/cli/lodestone.ts", import.meta.url));
const TEXTS = [
  "Shenghe Resources signed a supply agreement for rare-earth concentrate from Tanzania.",
  "Shenghe Resources cancelled a supply agreement for rare-earth concentrate from Tanzania.",
];

const untilWithin = <T>(what: string, probe: () => Promise<T | undefined>, ms = 30_000) =>
  until(what, probe, ms);

describe("schedules: the pure parts", () => {
  it("gives the next run of a cron expression, seconds and time zone included", () => {
    const from = new Date("2026-03-01T10:00:00.500Z");
    expect(nextRunOf("*/2 * * * * *", undefined, from).toISOString()).toBe(
      "2026-03-01T10:00:02.000Z",
    );
    expect(nextRunOf("0 6 * * *", "Asia/Shanghai", from).toISOString()).toBe(
      "2026-03-01T22:00:00.000Z",
    );
  });

  it("refuses a bad expression or zone with a reason", () => {
    expect(() => nextRunOf("every day")).toThrow(ScheduleError);
    expect(() => nextRunOf("61 * * * *")).toThrow(/invalid schedule "61 \* \* \* \*"/);
    expect(() => nextRunOf("0 6 * * *", "Mars/Olympus")).toThrow(
      /unknown time zone "Mars\/Olympus"/,
    );
    const parsed = sourceInputSchema.safeParse({ uri: "ftp://x.example/", tz: "UTC" });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path.join("."))).toEqual(["uri", "tz"]);
  });

  it("gives each scheduled run its own id, derived from the job BullMQ made", () => {
    expect(runIdOf(SCHEDULED_RUN_MARKER, "repeat:news-1a2b:1795457730000")).toBe(
      "sched-news-1a2b-1795457730000",
    );
    expect(runIdOf("run-20260101-abcd", "run-20260101-abcd.fetch.x")).toBe("run-20260101-abcd");
  });
});

describe("sources and schedules", () => {
  // Runs two seconds apart keep the test short; operators get a minute at least by default.
  const t = createTestEnv("schedules", { SCHEDULE_MIN_INTERVAL_MS: "1000" });
  const redis = createRedis(t.config, false);
  let host: WorkerHost;
  let http: HttpFixture;
  let version = 0;
  const statuses: number[] = [];
  const lodestone = async (...args: string[]) =>
    (await run(process.execPath, ["--import", "tsx", cli, ...args], { env: t.env })).stdout;
  const json = async <T>(...args: string[]): Promise<T> => JSON.parse(await lodestone(...args));
  const docOf = async (id: string) => {
    const response = await t.opensearch.get({ index: t.config.INDEX_ALIAS, id }, { ignore: [404] });
    const body = response.body as {
      found?: boolean;
      _version?: number;
      _source?: { body?: string };
    };
    return body.found ? body : undefined;
  };

  beforeAll(async () => {
    http = await startHttpFixture({
      "/feed.txt": (req, res) => {
        const etag = `"v${version}"`;
        const status = req.headers["if-none-match"] === etag ? 304 : 200;
        statuses.push(status);
        res.writeHead(status, { etag, "content-type": "text/plain; charset=utf-8" });
        res.end(status === 304 ? undefined : TEXTS[version]);
      },
    });
    host = await startWorkerHost(t.config, t.log);
  });

  afterAll(async () => {
    await host.close();
    redis.disconnect();
    await http.close();
    await t.cleanup();
  });

  it("schedules, re-fetches conditionally, re-indexes a change in place, and removes", async () => {
    const uri = http.url("/feed.txt");
    const id = sourceIdFor(uri);
    await lodestone("enqueue", uri, "--schedule", "*/2 * * * * *", "--tz", "Europe/Paris");

    const schedules = await json<
      Array<{ sourceId: string; pattern: string; tz: string; next: string; uri: string }>
    >("schedules", "list", "--json");
    expect(schedules).toHaveLength(1);
    expect(schedules[0]).toMatchObject({
      sourceId: id,
      pattern: "*/2 * * * * *",
      tz: "Europe/Paris",
      uri,
    });
    const next = Date.parse(schedules[0]?.next ?? "");
    expect(next).toBeGreaterThan(Date.now() - 2_000);
    expect(next).toBeLessThanOrEqual(Date.now() + 2_000);
    expect(await lodestone("schedules", "list")).toMatch(/\*\/2 \* \* \* \* \*\s+Europe\/Paris/);

    await untilWithin("the first run to be indexed", () => docOf(id));

    // Scheduled runs of the unchanged source: a conditional request, a 304, nothing re-indexed.
    const answered304 = (n: number) => async () =>
      statuses.filter((s) => s === 304).length >= n ? true : undefined;
    await untilWithin("a scheduled run answered 304", answered304(1));
    const stable = (await docOf(id))?._version ?? 0;
    await untilWithin("two more scheduled runs answered 304", answered304(3));
    expect((await docOf(id))?._version).toBe(stable);
    const unchanged = await json<{ last_run: { status: string; run_id: string } }>(
      "sources",
      "show",
      id,
      "--json",
    );
    expect(unchanged.last_run.status).toBe("unchanged");
    expect(unchanged.last_run.run_id).toMatch(new RegExp(`^sched-${id}-\\d+$`));

    // The source changes: the next scheduled run re-indexes it under the same id.
    version = 1;
    const changed = await untilWithin("the change to be re-indexed", async () => {
      const doc = await docOf(id);
      return doc?._source?.body?.includes("cancelled") ? doc : undefined;
    });
    expect(changed._version).toBe(stable + 1);
    const registry = new SourceRegistry(redis, t.config.QUEUE_PREFIX);
    await untilWithin("the registry to show the indexed run", async () => {
      const source = await registry.get(id);
      return source?.last_run?.status === "indexed" && source.last_complete?.etag === '"v1"'
        ? source
        : undefined;
    });
    const shown = await json<{
      id: string;
      schedule: string;
      last_run: { status: string };
      last_complete?: { etag?: string; content_hash?: string };
    }>("sources", "show", id, "--json");
    expect(shown.last_complete?.content_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(shown).toMatchObject({ id, schedule: "*/2 * * * * *" });
    const listed = await json<Array<{ id: string }>>("sources", "list", "--json");
    expect(listed.map((s) => s.id)).toEqual([id]);

    await lodestone("sources", "remove", id);
    expect(await json<unknown[]>("schedules", "list", "--json")).toEqual([]);
    expect(await json<unknown[]>("sources", "list", "--json")).toEqual([]);
    // Removing twice is an error with a reason.
    await expect(lodestone("sources", "remove", id)).rejects.toMatchObject({
      stderr: expect.stringContaining(`no source "${id}"`),
    });
    // No scheduled run after the removal (one already taken may still finish).
    await sleep(1_000);
    const hits = http.hits("/feed.txt");
    await sleep(4_500);
    expect(http.hits("/feed.txt")).toBe(hits);
  });
  it("re-lists a scheduled folder at each run: new files are ingested, unchanged ones skipped", async () => {
    const folder = await mkdtemp(join(tmpdir(), "lodestone-scheduled-"));
    try {
      const idOf = (file: string) => sourceIdFor(pathToFileURL(join(folder, file)).href);
      await writeFile(join(folder, "a.txt"), TEXTS[0] ?? "");
      await lodestone("enqueue", folder, "--schedule", "*/2 * * * * *");

      const schedules = await json<Array<{ sourceId: string; uri: string }>>(
        "schedules",
        "list",
        "--json",
      );
      expect(schedules).toEqual([
        expect.objectContaining({ sourceId: sourceIdFor(pathToFileURL(folder).href), uri: folder }),
      ]);
      const first = await untilWithin("the folder's file to be indexed", () =>
        docOf(idOf("a.txt")),
      );

      // A file added after scheduling is picked up by a later run.
      await writeFile(join(folder, "b.txt"), TEXTS[1] ?? "");
      const added = await untilWithin("the added file to be indexed", () => docOf(idOf("b.txt")));
      expect(added._source?.body).toContain("cancelled");
      // Runs in between found a.txt unchanged: it was not indexed again.
      expect((await docOf(idOf("a.txt")))?._version).toBe(first._version);

      await lodestone("sources", "remove", sourceIdFor(pathToFileURL(folder).href));
      expect(await json<unknown[]>("schedules", "list", "--json")).toEqual([]);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
