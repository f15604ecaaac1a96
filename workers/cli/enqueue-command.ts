/** `lodestone enqueue <path|url|folder>…`: add sources to the fetch queue (optionally wait for them). */
import { Command } from "commander";
import { loadConfig } from "../../shared/config.ts";
import { createLogger } from "../../shared/logger.ts";
import { createRedis } from "../../shared/redis.ts";
import { enqueueSources, newRunId, resolveSources } from "../enqueue-sources.ts";
import { ingestAndWait } from "../ingest-run.ts";
import { closeQueueSet, createQueueSet } from "../queue-set.ts";
import { summarize } from "../run-summary.ts";

export function enqueueCommand(): Command {
  return new Command("enqueue")
    .description("add sources (files, folders, http(s) URLs) to the fetch queue")
    .argument("<sources...>", "files, folders or http(s) URLs")
    .option("--wait", "wait until every source is indexed or failed, then print a summary")
    .action(async (inputs: string[], options: { wait?: boolean }) => {
      const config = loadConfig();
      const log = createLogger(config, "enqueue");
      const connection = createRedis(config);
      const queues = createQueueSet(config, connection);
      try {
        const sources = await resolveSources(inputs);
        if (options.wait) {
          const outcomes = await ingestAndWait(config, queues, sources, log);
          process.stdout.write(`${summarize(outcomes)}\n`);
          if (outcomes.some((o) => o.status === "failed")) process.exitCode = 1;
          return;
        }
        const enqueued = await enqueueSources(queues, sources, newRunId());
        for (const job of enqueued) process.stdout.write(`${job.jobId}\t${job.source.uri}\n`);
        log.info({ sources: enqueued.length }, "enqueued; run `lodestone workers` to process them");
      } finally {
        await closeQueueSet(queues);
        connection.disconnect();
      }
    });
}
