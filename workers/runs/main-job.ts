/**
 * The main job (`npm start`): bring up local infrastructure when none
 * answers, run the workers, ingest every seed, wait until each is indexed or
 * failed, print a summary. Run again over unchanged seeds, it re-indexes
 * nothing and says so. Exit code 0 when every source succeeded, 1 otherwise.
 */
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { ensureInfrastructure } from "../../infra/local/local-infrastructure.ts";
import { loadConfig } from "../../shared/config.ts";
import { errorMessage } from "../../shared/errors.ts";
import { createLogger } from "../../shared/logger.ts";
import { createOpenSearch } from "../../shared/opensearch.ts";
import { createRedis } from "../../shared/redis.ts";
import { readSourcesManifest } from "../../shared/sources-manifest.ts";
import { indexStats } from "../indexing/index-stats.ts";
import { closeQueueSet, createQueueSet } from "../runtime/queue-set.ts";
import { onShutdown } from "../runtime/shutdown.ts";
import { startWorkerHost } from "../runtime/worker-host.ts";
import { ingestAndWait } from "./ingest-run.ts";
import { summarize } from "./run-summary.ts";

const SEEDS_MANIFEST = resolve(fileURLToPath(new URL("../../seeds/sources.json", import.meta.url)));

export async function runMainJob(manifest = SEEDS_MANIFEST): Promise<number> {
  const config = loadConfig();
  const log = createLogger(config, "main-job");
  await ensureInfrastructure(config, log);
  // In a terminal the progress bar tells the story; per-job lines would scroll it away.
  const workerLog =
    process.stderr.isTTY && log.levelVal < 40 ? log.child({}, { level: "warn" }) : log;
  const host = await startWorkerHost(config, workerLog);
  const connection = createRedis(config);
  const queues = createQueueSet(config, connection);
  const opensearch = createOpenSearch(config);
  const stop = onShutdown(log, async () => {
    await host.close();
    await closeQueueSet(queues);
    connection.disconnect();
  });
  try {
    const sources = await readSourcesManifest(manifest);
    const outcomes = await ingestAndWait(config, queues, sources, log);
    const stats = await indexStats(opensearch, config.INDEX_ALIAS);
    process.stdout.write(`${summarize(outcomes, stats)}\n`);
    return outcomes.some((o) => o.status === "failed") ? 1 : 0;
  } finally {
    await opensearch.close();
    await stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runMainJob().then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`lodestone: ${errorMessage(error)}\n`);
      process.exit(1);
    },
  );
}
