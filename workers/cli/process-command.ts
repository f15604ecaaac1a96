/** `lodestone process <path|url>`: every stage in-process, no servers; prints the documents as JSON. */
import { Command } from "commander";
import { stageBudgetsOf } from "../../pipelines/budgets.ts";
import { safeFetchPolicyOf } from "../../pipelines/fetch/http/policy-from-config.ts";
import { SafeFetcher } from "../../pipelines/fetch/http/safe-fetcher.ts";
import { loadConfig } from "../../shared/config.ts";
import { errorMessage } from "../../shared/errors.ts";
import { createLogger } from "../../shared/logger.ts";
import { resolveSources } from "../runs/enqueue-sources.ts";
import { processSources } from "../runs/process-sources.ts";
import { createProgress } from "../runs/run-progress.ts";

export function processCommand(): Command {
  return new Command("process")
    .description(
      "run every stage in this process (no Redis, no OpenSearch) and print the documents as JSON; " +
        "several sources run in parallel on STAGE_THREADS threads",
    )
    .argument("<sources...>", "files, folders or http(s) URLs")
    .action(async (inputs: string[]) => {
      const config = loadConfig();
      const log = createLogger(config, "process");
      // The same fetch safety policy as the workers (allow-list, redirects, robots.txt).
      const http = new SafeFetcher(safeFetchPolicyOf(config));
      const options = {
        timeoutMs: config.FETCH_TIMEOUT_MS,
        maxBytes: config.FETCH_MAX_BYTES,
        fileRoots: config.FILE_SOURCE_ROOTS,
        budgets: stageBudgetsOf(config),
        http,
      };
      const sources = await resolveSources(inputs);
      const progress = sources.length > 1 ? createProgress(sources.length, log) : undefined;
      let outcomes: Awaited<ReturnType<typeof processSources>>;
      try {
        outcomes = await processSources(sources, options, {
          config,
          log,
          onSource: (outcome) => progress?.tick(outcome.source.id),
        });
      } finally {
        progress?.stop();
        await http.close();
      }
      const failed = outcomes.filter((outcome) => outcome.error !== undefined);
      // One source: its error is the command's, as plain as any other.
      if (sources.length === 1 && failed[0]?.error) throw failed[0].error;
      for (const { source, error } of failed)
        process.stderr.write(`lodestone: ${source.uri}: ${errorMessage(error)}\n`);
      process.stdout.write(
        `${JSON.stringify(
          outcomes.flatMap((outcome) => outcome.documents),
          null,
          2,
        )}\n`,
      );
      if (failed.length > 0) {
        process.stderr.write(`lodestone: ${failed.length} of ${sources.length} sources failed\n`);
        process.exitCode = 1;
      }
    });
}
