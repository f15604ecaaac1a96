/** `lodestone process <path|url>`: every stage in-process, no servers; prints the documents as JSON. */
import { Command } from "commander";
import { stageBudgetsOf } from "../../pipelines/budgets.ts";
import { safeFetchPolicyOf } from "../../pipelines/fetch/http/policy-from-config.ts";
import { SafeFetcher } from "../../pipelines/fetch/http/safe-fetcher.ts";
import { loadConfig } from "../../shared/config.ts";
import { createLogger } from "../../shared/logger.ts";
import { resolveSources } from "../runs/enqueue-sources.ts";

export function processCommand(): Command {
  return new Command("process")
    .description(
      "run every stage in this process (no Redis, no OpenSearch) and print the documents as JSON",
    )
    .argument("<sources...>", "files, folders or http(s) URLs")
    .action(async (inputs: string[]) => {
      const config = loadConfig();
      const log = createLogger(config, "process");
      // Loaded here: the stages bring language models and dictionaries that other commands do not need.
      const { runInProcess } = await import("../../pipelines/run-in-process.ts");
      // The same fetch safety policy as the workers (allow-list, redirects, robots.txt).
      const http = new SafeFetcher(safeFetchPolicyOf(config));
      const options = {
        timeoutMs: config.FETCH_TIMEOUT_MS,
        maxBytes: config.FETCH_MAX_BYTES,
        fileRoots: config.FILE_SOURCE_ROOTS,
        budgets: stageBudgetsOf(config),
        http,
      };
      const documents = [];
      try {
        for (const source of await resolveSources(inputs)) {
          documents.push(
            ...(await runInProcess(source, options, { log: log.child({ sourceId: source.id }) })),
          );
        }
      } finally {
        await http.close();
      }
      process.stdout.write(`${JSON.stringify(documents, null, 2)}\n`);
    });
}
