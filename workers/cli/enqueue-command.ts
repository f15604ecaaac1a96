/**
 * `lodestone enqueue <path|url|folder>…`: register sources, add them to the
 * fetch queue (optionally wait for them), and with --schedule re-ingest them
 * on a cron schedule. A folder is registered as its files, or, scheduled, as
 * the folder itself, so that its runs pick up files added later.
 */
import { Command } from "commander";
import { assertAdmissible } from "../../pipelines/fetch/admission.ts";
import { loadConfig } from "../../shared/config.ts";
import { createLogger } from "../../shared/logger.ts";
import { createRedis } from "../../shared/redis.ts";
import { newRunId, resolveSources } from "../runs/enqueue-sources.ts";
import { ingestAndWait } from "../runs/ingest-run.ts";
import { summarize } from "../runs/run-summary.ts";
import { enqueueSources } from "../runtime/entry-jobs.ts";
import { closeQueueSet, createQueueSet } from "../runtime/queue-set.ts";
import { registerSources } from "../sources/register-sources.ts";
import { nextRunOf } from "../sources/schedules.ts";
import { SourceRegistry } from "../sources/source-registry.ts";
import { SourceService, sourceLimitsOf } from "../sources/source-service.ts";

export function enqueueCommand(): Command {
  return new Command("enqueue")
    .description("add sources (files, folders, http(s) URLs) to the fetch queue")
    .argument("<sources...>", "files, folders or http(s) URLs")
    .option("--wait", "wait until every source is indexed or failed, then print a summary")
    .option(
      "--verbose",
      "with --wait: list every source in the summary, not only failures and the first few",
    )
    .option("--json", "with --wait: print every source's outcome as JSON instead of the summary")
    .option(
      "--schedule <cron>",
      'also re-ingest on this cron schedule (5 fields, or 6 with seconds first), e.g. "0 */6 * * *"',
    )
    .option(
      "--tz <zone>",
      "time zone of the schedule, an IANA name such as Asia/Shanghai (default UTC)",
    )
    .action(
      async (
        inputs: string[],
        options: {
          wait?: boolean;
          verbose?: boolean;
          json?: boolean;
          schedule?: string;
          tz?: string;
        },
      ) => {
        const config = loadConfig();
        const log = createLogger(config, "enqueue");
        if (options.tz && !options.schedule) throw new Error("--tz needs --schedule");
        if ((options.verbose || options.json) && !options.wait)
          throw new Error("--verbose and --json go with --wait");
        // Checked before anything is registered or enqueued.
        if (options.schedule) nextRunOf(options.schedule, options.tz);
        const connection = createRedis(config);
        const queues = createQueueSet(config, connection);
        try {
          // A scheduled folder stays one source: each run lists it afresh (folder-fetch.ts).
          const sources = await resolveSources(inputs, { keepFolders: Boolean(options.schedule) });
          await assertAdmissible(sources, config.FILE_SOURCE_ROOTS);
          // Every enqueued source is registered (see `lodestone sources list`).
          const service = new SourceService(
            new SourceRegistry(connection, config.QUEUE_PREFIX),
            queues,
            sourceLimitsOf(config),
          );
          await registerSources(
            service,
            sources,
            {
              ...(options.schedule ? { schedule: options.schedule } : {}),
              ...(options.tz ? { tz: options.tz } : {}),
            },
            log,
          );
          if (options.schedule) {
            log.info(
              { sources: sources.length, schedule: options.schedule, tz: options.tz ?? "UTC" },
              "scheduled; see `lodestone schedules list`",
            );
          }
          if (options.wait) {
            const outcomes = await ingestAndWait(config, queues, sources, log);
            process.stdout.write(
              options.json
                ? `${JSON.stringify(outcomes, null, 2)}\n`
                : `${summarize(outcomes, undefined, { verbose: Boolean(options.verbose) })}\n`,
            );
            if (outcomes.some((o) => o.status === "failed")) process.exitCode = 1;
            return;
          }
          const enqueued = await enqueueSources(queues, sources, newRunId());
          for (const job of enqueued) process.stdout.write(`${job.jobId}\t${job.source.uri}\n`);
          log.info(
            { sources: enqueued.length },
            "enqueued; run `lodestone workers` to process them",
          );
        } finally {
          await closeQueueSet(queues);
          connection.disconnect();
        }
      },
    );
}
