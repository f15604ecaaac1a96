/** `lodestone process <path|url>`: every stage in-process, no servers; prints the documents as JSON. */
import { Command } from "commander";
import { loadConfig } from "../../shared/config.ts";
import { createLogger } from "../../shared/logger.ts";
import { resolveSources } from "../enqueue-sources.ts";

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
      const options = { timeoutMs: config.FETCH_TIMEOUT_MS, maxBytes: config.FETCH_MAX_BYTES };
      const documents = [];
      for (const source of await resolveSources(inputs)) {
        documents.push(
          ...(await runInProcess(source, options, { log: log.child({ sourceId: source.id }) })),
        );
      }
      process.stdout.write(`${JSON.stringify(documents, null, 2)}\n`);
    });
}
