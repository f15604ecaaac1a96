/**
 * `npm run drill [-- --files N]`: a fault drill anyone can run. It starts its
 * own Redis and OpenSearch on other ports (never the ones in use), two
 * `lodestone workers` processes, and ingests N generated files while it
 * SIGKILLs one workers process (a replacement starts), freezes OpenSearch
 * (SIGSTOP for --freeze-seconds, then SIGCONT) and restarts Redis. Then it
 * prints documents expected, indexed, lost, doubled, and jobs failed, and
 * removes everything it started. Exit code 0 only for 0 lost, 0 doubled,
 * 0 failed.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { openSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { fileSource } from "../../pipelines/fetch/list-folder.ts";
import { STAGE_NAMES } from "../../pipelines/pipeline.ts";
import { loadConfig } from "../../shared/config.ts";
import { createLogger } from "../../shared/logger.ts";
import { createOpenSearch } from "../../shared/opensearch.ts";
import { createRedis } from "../../shared/redis.ts";
import { MetricsStore } from "../../workers/metrics/metrics-store.ts";
import { newRunId } from "../../workers/runs/enqueue-sources.ts";
import { listFailed } from "../../workers/runs/failed-jobs.ts";
import { enqueueSources } from "../../workers/runtime/entry-jobs.ts";
import { closeQueueSet, createQueueSet } from "../../workers/runtime/queue-set.ts";
import { writeDrillCorpus } from "./drill/drill-corpus.ts";
import { startDrillServers } from "./drill/drill-servers.ts";
import { indexedIds } from "./drill/indexed-ids.ts";

const { values: args } = parseArgs({
  options: {
    files: { type: "string", default: "1000" },
    "redis-port": { type: "string", default: "6391" },
    "opensearch-port": { type: "string", default: "9211" },
    "freeze-seconds": { type: "string", default: "30" },
    keep: { type: "boolean", default: false },
    /** Of the workers processes, whose logs go to workers-<n>.log in the drill's folder (--keep). */
    "log-level": { type: "string", default: "warn" },
  },
});
const files = Number(args.files);
const freezeMs = Number(args["freeze-seconds"]) * 1000;
const cli = fileURLToPath(new URL("../../workers/cli/lodestone.ts", import.meta.url));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const baseConfig = loadConfig();
const log = createLogger(baseConfig, "drill");
const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(0)} s`;
const say = (line: string): void => {
  process.stderr.write(`[drill ${elapsed()}] ${line}\n`);
};

const dir = await mkdtemp(join(tmpdir(), "lodestone-drill-"));
const workers: ChildProcess[] = [];
let servers: Awaited<ReturnType<typeof startDrillServers>> | undefined;

/** A child that has not exited (a killed one has a signalCode and no exitCode). */
const alive = (child: ChildProcess) => child.exitCode === null && child.signalCode === null;

async function cleanup(): Promise<void> {
  const live = workers.filter(alive);
  // Waiting on 'exit' keeps the event loop alive; without it node would quit before the servers stop.
  const exited = live.map((child) => new Promise((resolve) => child.once("exit", resolve)));
  for (const child of live) child.kill("SIGTERM");
  await Promise.all(exited);
  await servers?.stop();
  if (!args.keep) await rm(dir, { recursive: true, force: true });
  else say(`kept ${dir}`);
}
process.once("SIGINT", () => {
  say("interrupted: stopping what the drill started");
  void cleanup().finally(() => process.exit(130));
});

try {
  say(`writing ${files} files to ${dir}/corpus`);
  const paths = await writeDrillCorpus(join(dir, "corpus"), files);
  const sources = await Promise.all(paths.map((path) => fileSource(path)));
  const expected = new Set(sources.map((source) => source.id));

  say("starting the drill's own Redis and OpenSearch");
  servers = await startDrillServers(
    baseConfig,
    dir,
    { redis: Number(args["redis-port"]), opensearch: Number(args["opensearch-port"]) },
    log,
  );
  const env = {
    ...process.env,
    REDIS_URL: servers.redisUrl,
    OPENSEARCH_URL: servers.opensearchUrl,
    QUEUE_PREFIX: "drill",
    INDEX_ALIAS: "drill-documents",
    LODESTONE_AUTO_INFRA: "false",
    LOG_LEVEL: args["log-level"],
    LOG_FORMAT: "json",
  };
  const config = loadConfig(env);
  let spawned = 0;
  const startWorkers = () => {
    spawned += 1;
    const out = openSync(join(dir, `workers-${spawned}.log`), "a");
    const child = spawn(process.execPath, ["--import", "tsx", cli, "workers"], {
      env,
      stdio: ["ignore", out, out],
    });
    workers.push(child);
    return child;
  };
  const first = startWorkers();
  startWorkers();

  const connection = createRedis(config);
  // Connection errors while Redis restarts are the drill's own doing: not worth a line each.
  const queues = createQueueSet(config, connection, log.child({}, { level: "error" }));
  const metrics = new MetricsStore(connection, config.QUEUE_PREFIX);
  for (let i = 0; i < 120 && (await queues.fetch.getWorkersCount()) < 2; i += 1) await sleep(500);
  const runId = newRunId();
  for (let i = 0; i < sources.length; i += 1000) {
    await enqueueSources(queues, sources.slice(i, i + 1000), runId);
  }
  say(`enqueued ${sources.length} sources (run ${runId}) for two workers processes`);

  // Each fault fires once, when that share of the documents is indexed.
  const faults: Array<{ at: number; name: string; run: () => Promise<void> }> = [
    {
      at: 0.15,
      name: "SIGKILL one workers process",
      async run() {
        first.kill("SIGKILL");
        await sleep(3000);
        startWorkers();
      },
    },
    {
      at: 0.4,
      name: `freeze OpenSearch for ${freezeMs / 1000} s`,
      run: () => servers?.freezeOpenSearch(freezeMs) ?? Promise.resolve(),
    },
    {
      at: 0.65,
      name: "restart Redis",
      run: () => servers?.restartRedis(3000) ?? Promise.resolve(),
    },
  ];
  const running: Promise<void>[] = [];
  const deadline = Date.now() + files * 1000 + 15 * 60_000;
  let idlePolls = 0;
  let lastReport = 0;
  while (Date.now() < deadline) {
    await sleep(2000);
    const indexed = await metrics
      .read()
      .then((stats) => stats.index.completed)
      .catch(() => undefined);
    if (indexed === undefined) continue;
    const due = faults.filter((fault) => indexed >= fault.at * files);
    for (const fault of due) {
      faults.splice(faults.indexOf(fault), 1);
      say(`fault: ${fault.name} (${indexed}/${files} indexed)`);
      running.push(fault.run().then(() => say(`fault over: ${fault.name}`)));
    }
    if (Date.now() - lastReport > 30_000) {
      say(`${indexed}/${files} index jobs completed`);
      lastReport = Date.now();
    }
    const counts = await Promise.all(
      STAGE_NAMES.map((stage) =>
        queues[stage].getJobCounts(
          "waiting",
          "active",
          "delayed",
          "prioritized",
          "waiting-children",
        ),
      ),
    ).catch(() => undefined);
    const pending = counts?.reduce(
      (sum, c) => sum + Object.values(c).reduce((a, b) => a + b, 0),
      0,
    );
    idlePolls = pending === 0 && faults.length === 0 ? idlePolls + 1 : 0;
    if (idlePolls >= 2) break;
  }
  await Promise.all(running);

  const opensearch = createOpenSearch(config);
  const hits = await indexedIds(opensearch, config.INDEX_ALIAS);
  await opensearch.close();
  const found = new Set(hits.map((hit) => hit.id).filter((id) => expected.has(id)));
  const failedCounts = await Promise.all(STAGE_NAMES.map((s) => queues[s].getFailedCount()));
  const failed = failedCounts.reduce((a, b) => a + b, 0);
  const report = [
    `fault drill: ${files} files, two workers processes, ${elapsed()}`,
    `  faults: one workers process SIGKILLed and replaced; OpenSearch frozen ${freezeMs / 1000} s; Redis restarted${faults.length ? ` (not reached: ${faults.map((f) => f.name).join(", ")})` : ""}`,
    `  documents expected  ${expected.size}`,
    `  indexed             ${found.size}`,
    `  lost                ${expected.size - found.size}`,
    `  doubled             ${hits.length - found.size}`,
    `  jobs failed         ${failed}`,
    `  written more than once (same id, version > 1, no double): ${hits.filter((h) => h.version > 1).length}`,
  ];
  for (const job of await listFailed(queues, { limit: 5 }))
    report.push(`    failed ${job.stage} ${job.id}: ${job.reason}`);
  process.stdout.write(`${report.join("\n")}\n`);
  await closeQueueSet(queues);
  connection.disconnect();
  process.exitCode =
    expected.size === found.size && hits.length === found.size && failed === 0 ? 0 : 1;
} catch (error) {
  say(`drill failed: ${error instanceof Error ? error.stack : String(error)}`);
  process.exitCode = 2;
} finally {
  await cleanup();
}
