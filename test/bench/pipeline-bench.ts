/**
 * `npm run bench [-- --files 1000 --rate 50 --latency-seconds 20]`: the
 * throughput of the pipeline four ways, side by side, in one run, on a
 * corpus built from the seeds (bench-corpus.ts):
 *
 * - in-process: every transform stage in this process, as `lodestone process`
 *   runs them (stage threads, several sources in flight), and the same on
 *   this thread alone, one source after another;
 * - pipeline: one `lodestone workers` child process on the queues (the
 *   built command line, as the image runs it: `npm run build`, then
 *   `node dist/lodestone.mjs workers`), fed the
 *   whole corpus at once (`lodestone enqueue DIR --wait`), then a second
 *   corpus of as many new files (the process's code compiled by then);
 * - two workers processes on the same queues, one stage thread each, on a
 *   corpus of their own: the work shared, nothing lost or doubled;
 * - raw bulk: the very documents the pipeline indexes, sent with `_bulk` in
 *   batches of 500 (what OpenSearch alone can take);
 *
 * then the latency from enqueue to searchable at a steady offered rate. It
 * prints documents/s for each mode, the workers' CPU ms per document and
 * peak RSS, per stage the wall ms per job and the ms per document in the
 * stage's function (in its thread for a CPU stage: the stage wrapper's timers), and
 * p50/p95 latency. It uses a queue prefix and an index of its own and
 * removes them; Redis and OpenSearch are started when none answers.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { ensureInfrastructure } from "../../infra/local/local-infrastructure.ts";
import { toSearchDocument, withExplicitNulls } from "../../pipelines/index/to-search-document.ts";
import { buildPipeline } from "../../pipelines/pipeline.ts";
import { runInProcess } from "../../pipelines/run-in-process.ts";
import { loadConfig } from "../../shared/config.ts";
import type { LodestoneDocument } from "../../shared/document.ts";
import { createLogger } from "../../shared/logger.ts";
import { createOpenSearch } from "../../shared/opensearch.ts";
import { createRedis } from "../../shared/redis.ts";
import { writeCliBundle } from "../../workers/cli/cli-bundle.ts";
import { ensureIndex, templateName } from "../../workers/indexing/ensure-index.ts";
import { MetricsStore } from "../../workers/metrics/metrics-store.ts";
import { resolveSources } from "../../workers/runs/enqueue-sources.ts";
import { ingestAndWait } from "../../workers/runs/ingest-run.ts";
import { processSources } from "../../workers/runs/process-sources.ts";
import { enqueueSources } from "../../workers/runtime/entry-jobs.ts";
import { closeQueueSet, createQueueSet } from "../../workers/runtime/queue-set.ts";
import { writeBenchCorpus } from "./bench-corpus.ts";
import { processUsage, whenSettled } from "./process-usage.ts";

const { values: args } = parseArgs({
  options: {
    files: { type: "string", default: "1000" },
    rate: { type: "string", default: "50" },
    "latency-seconds": { type: "string", default: "20" },
  },
});
const files = Number(args.files);
const rate = Number(args.rate);
const latencySeconds = Number(args["latency-seconds"]);

const root = fileURLToPath(new URL("../../", import.meta.url));
const suffix = `bench-${process.pid}`;
const env = {
  ...process.env,
  QUEUE_PREFIX: suffix,
  INDEX_ALIAS: suffix,
  LOG_LEVEL: "warn",
  LOG_FORMAT: "json",
};
const config = loadConfig(env);
const log = createLogger(config, "bench");
await ensureInfrastructure(config, log);
const work = mkdtempSync(join(tmpdir(), "lodestone-bench-"));
/** The built command line the workers processes run, as the image runs it. */
const builtCli = (await writeCliBundle(join(work, "cli"))).entry;
const opensearch = createOpenSearch(config);
const redis = createRedis(config);
const queues = createQueueSet(config, redis);

const perSecond = (count: number, ms: number) => ((count / ms) * 1000).toFixed(1);
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN;

function startWorkers(extraEnv: Record<string, string> = {}): {
  stop(): Promise<void>;
  pid: number;
} {
  const child = spawn(process.execPath, [builtCli, "workers"], {
    cwd: root,
    env: { ...env, ...extraEnv },
    stdio: ["ignore", "ignore", "inherit"],
  });
  return {
    pid: child.pid ?? 0,
    stop: () =>
      new Promise((resolve) => {
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

/**
 * Polls the index every 50 ms, while documents are still being enqueued, for
 * those expected so far; a document's latency is taken when it first shows.
 */
function watchSearchable(since: Map<string, number>): {
  expect(ids: string[]): void;
  done(): Promise<number[]>;
} {
  const pending = new Set<string>();
  const latencies: number[] = [];
  let closing = false;
  const polling = (async () => {
    while (!closing || pending.size > 0) {
      if (pending.size > 0) {
        const response = await opensearch.search({
          index: config.INDEX_ALIAS,
          body: { size: 10_000, _source: false, query: { ids: { values: [...pending] } } },
        });
        const now = performance.now();
        for (const hit of response.body.hits.hits as Array<{ _id: string }>) {
          if (!pending.delete(hit._id)) continue;
          latencies.push(now - (since.get(hit._id.replace(/-(en|zh)$/, "")) ?? now));
        }
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
  return {
    expect: (ids) => {
      for (const id of ids) pending.add(id);
    },
    done: async () => {
      closing = true;
      await polling;
      return latencies.sort((a, b) => a - b);
    },
  };
}

try {
  console.log(`corpus: ${files} files from the seeds in ${work}`);
  writeBenchCorpus(join(work, "corpus"), files);

  // 1. In-process.
  const ctx = { log: createLogger({ ...config, LOG_LEVEL: "silent" }, "bench") };
  const options = { timeoutMs: config.FETCH_TIMEOUT_MS, maxBytes: config.FETCH_MAX_BYTES };
  const sources = await resolveSources([join(work, "corpus")]);
  // `lodestone process`, first, as a fresh command would run: the clock starts once its stage
  // threads have loaded their models (this thread has none loaded yet).
  let started = performance.now();
  const processed = await processSources(sources, options, {
    config,
    log: createLogger({ ...config, LOG_LEVEL: "silent" }, "bench"),
    onReady: () => {
      started = performance.now();
    },
  });
  const inProcessMs = performance.now() - started;
  // The same on this thread alone. Models load on first use; load them first, as the workers
  // do before their first job.
  const docs: LodestoneDocument[] = [];
  await Promise.all(buildPipeline(options).transforms.map((stage) => stage.load()));
  started = performance.now();
  for (const source of sources) docs.push(...(await runInProcess(source, options, ctx)));
  const oneThreadMs = performance.now() - started;
  const processedDocs = processed.flatMap((outcome) => outcome.documents).length;

  // 2. The real pipeline: one workers process, the whole corpus enqueued at once.
  await ensureIndex(opensearch, config.INDEX_ALIAS);
  const workers = startWorkers();
  const usage = processUsage(workers.pid);
  // The workers load their models (threads included) before they take jobs; time the jobs.
  await whenSettled(workers.pid, 3000);
  /** One `enqueue --wait` of `runSources`, with the workers process's usage before and after. */
  const queuedRun = async (runSources: typeof sources) => {
    const before = usage.read();
    const runStarted = performance.now();
    const outcomes = await ingestAndWait(config, queues, runSources, log);
    const ms = performance.now() - runStarted;
    const indexed = outcomes.flatMap((o) => o.documents).length;
    return { before, after: usage.read(), ms, outcomes, indexed };
  };
  const { before, after, ms: pipelineMs, outcomes, indexed } = await queuedRun(sources);
  const failed = outcomes.filter((o) => o.status === "failed").length;
  // The workers write their job metrics once per METRICS_FLUSH_MS: let the last batch land.
  await sleep(config.METRICS_FLUSH_MS + 500);
  const stats = await new MetricsStore(redis, config.QUEUE_PREFIX).read();

  // 2a. The same workers process on a second corpus of its own: its code is now compiled.
  // V8 optimises a process's hot functions on helper threads during its first thousand or so
  // documents; a workers process runs for days, so this is its usual cost.
  writeBenchCorpus(join(work, "warm"), files, files);
  const warm = await queuedRun(await resolveSources([join(work, "warm")]));

  // 2b. Two workers processes on the same queues, one stage thread each (the same cores in
  // all), on a corpus of its own: the work is shared, nothing lost or doubled.
  writeBenchCorpus(join(work, "pair"), files);
  const pairSources = await resolveSources([join(work, "pair")]);
  const pair = [startWorkers({ STAGE_THREADS: "1" }), startWorkers({ STAGE_THREADS: "1" })];
  await Promise.all(pair.map((w) => whenSettled(w.pid, 3000)));
  const pairUsage = pair.map((w) => processUsage(w.pid));
  const pairBefore = pairUsage.map((u) => u.read().cpuMs);
  started = performance.now();
  const pairOutcomes = await ingestAndWait(config, queues, pairSources, log);
  const pairMs = performance.now() - started;
  const pairCpu = pairUsage.map((u, i) => u.read().cpuMs - (pairBefore[i] ?? 0));
  await Promise.all(pair.map((w) => w.stop()));
  const pairIds = pairOutcomes.flatMap((o) => o.documents.map((d) => d.docId));
  await opensearch.indices.refresh({ index: config.INDEX_ALIAS });
  const pairIndexed = (
    await opensearch.count({
      index: config.INDEX_ALIAS,
      body: { query: { ids: { values: pairIds } } },
    })
  ).body.count as number;

  // 3. Latency at a steady offered rate: new content, so every file is processed in full.
  const latencyFiles = writeBenchCorpus(join(work, "latency"), Math.round(rate * latencySeconds));
  const latencySources = await resolveSources([join(work, "latency")]);
  const enqueuedAt = new Map<string, number>();
  const searchable = watchSearchable(enqueuedAt);
  const latencyStart = performance.now();
  for (const [i, source] of latencySources.entries()) {
    const due = latencyStart + i * (1000 / rate);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - performance.now())));
    enqueuedAt.set(source.id, performance.now());
    await enqueueSources(queues, [source], `latency-${i}`);
    const bilingual = readFileSync(latencyFiles[i] ?? "", "utf8").includes("Original:");
    searchable.expect(bilingual ? [`${source.id}-en`, `${source.id}-zh`] : [source.id]);
  }
  const latencies = await searchable.done();
  await workers.stop();

  // 4. Raw _bulk of the same documents into an index of the same mapping.
  const bulkAlias = `${config.INDEX_ALIAS}-raw`;
  await ensureIndex(opensearch, bulkAlias);
  started = performance.now();
  for (let i = 0; i < docs.length; i += 500) {
    const body = docs
      .slice(i, i + 500)
      .flatMap((doc) => [
        { index: { _index: bulkAlias, _id: doc.id } },
        withExplicitNulls(toSearchDocument(doc)),
      ]);
    await opensearch.bulk({ body });
  }
  const bulkMs = performance.now() - started;

  console.log(
    `\nmachine: ${(await import("node:os")).cpus().length} cores; Redis and OpenSearch on this machine`,
  );
  console.log("mode                        documents   seconds   documents/s");
  const row = (name: string, count: number, ms: number) =>
    console.log(
      `${name.padEnd(28)}${String(count).padStart(9)}${(ms / 1000).toFixed(1).padStart(10)}${perSecond(count, ms).padStart(14)}`,
    );
  row(`in-process (${config.STAGE_THREADS} threads)`, processedDocs, inProcessMs);
  row("in-process (this thread)", docs.length, oneThreadMs);
  row("pipeline (1 workers proc.)", indexed, pipelineMs);
  row("  the same, second corpus", warm.indexed, warm.ms);
  row("pipeline (2 workers proc.)", pairIds.length, pairMs);
  row("raw _bulk", docs.length, bulkMs);
  console.log(`\npipeline: ${failed} sources failed`);
  console.log(
    `workers process: ${((after.cpuMs - before.cpuMs) / Math.max(1, indexed)).toFixed(1)} ms CPU per document, ` +
      `${(((after.cpuMs - before.cpuMs) / pipelineMs) * 100).toFixed(0)}% CPU, peak RSS ${after.peakRssMb.toFixed(0)} MB; ` +
      `second corpus ${((warm.after.cpuMs - warm.before.cpuMs) / Math.max(1, warm.indexed)).toFixed(1)} ms CPU per document, ` +
      `${(((warm.after.cpuMs - warm.before.cpuMs) / warm.ms) * 100).toFixed(0)}% CPU, peak RSS ${warm.after.peakRssMb.toFixed(0)} MB`,
  );
  console.log(
    `2 workers processes: ${docs.length} documents expected, ${pairIds.length} reported, ${pairIndexed} in the index; ` +
      `CPU split ${pairCpu.map((ms) => `${(ms / 1000).toFixed(1)} s`).join(" / ")}`,
  );
  // From the stage wrapper: wall ms per job (a chained job holds several stages, and waits
  // for free threads), and ms per document in each stage's function wherever it ran (its own
  // job or chained; in its thread for a CPU stage).
  console.log("stage        jobs  ms per job   documents  ms per document");
  for (const [stage, s] of Object.entries(stats)) {
    const perJob = s.duration.count ? (s.duration.sum * 1000) / s.duration.count : 0;
    const perDoc = s.documents.count ? s.documents.ms / s.documents.count : 0;
    console.log(
      `${stage.padEnd(12)}${String(s.duration.count).padStart(5)}${perJob.toFixed(1).padStart(12)}${String(s.documents.count).padStart(12)}${perDoc.toFixed(1).padStart(17)}`,
    );
  }
  console.log(
    `\nlatency enqueue → searchable at ${rate} files/s offered for ${latencySeconds} s (${latencies.length} documents): ` +
      `p50 ${percentile(latencies, 0.5).toFixed(0)} ms, p95 ${percentile(latencies, 0.95).toFixed(0)} ms`,
  );
} finally {
  await closeQueueSet(queues);
  for (const alias of [config.INDEX_ALIAS, `${config.INDEX_ALIAS}-raw`]) {
    await opensearch.indices.delete({ index: `${alias}-v*` }, { ignore: [404] });
    await opensearch.indices.deleteIndexTemplate({ name: templateName(alias) }, { ignore: [404] });
  }
  await opensearch.close();
  const keys = await redis.keys(`${config.QUEUE_PREFIX}:*`);
  for (let i = 0; i < keys.length; i += 500) await redis.del(...keys.slice(i, i + 500));
  redis.disconnect();
  rmSync(work, { recursive: true, force: true });
}
