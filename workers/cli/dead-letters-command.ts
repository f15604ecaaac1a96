/** `lodestone dead-letters [retry]`: documents OpenSearch refused, with its reason, and replaying them. */
import { Command } from "commander";
import { loadConfig } from "../../shared/config.ts";
import { DeadLetters } from "../indexing/dead-letters.ts";
import { retryDeadLetters } from "../runs/retry-dead-letters.ts";
import { withSources } from "../sources/open-sources.ts";
import { formatRetry } from "./failed-command.ts";

/** The `dead-letters` command and its `retry` subcommand. */
export function deadLettersCommand(): Command {
  const deadLetters = new Command("dead-letters")
    .enablePositionalOptions()
    .description("list documents that OpenSearch refused for good, with the reason it gave")
    .option("--limit <n>", "how many, newest first", "50")
    .option("--json", "print JSON")
    .action(async (options: { limit: string; json?: boolean }) => {
      const config = loadConfig();
      await withSources(config, async ({ redis }) => {
        const letters = await new DeadLetters(redis, config.QUEUE_PREFIX).list(
          Number(options.limit),
        );
        if (options.json) {
          process.stdout.write(`${JSON.stringify(letters, null, 2)}\n`);
          return;
        }
        if (letters.length === 0) process.stdout.write("no dead letters\n");
        for (const l of letters)
          process.stdout.write(`${l.at}  ${l.docId}  (${l.sourceId})\n    ${l.reason}\n`);
      });
    });
  deadLetters
    .command("retry")
    .description(
      "after fixing the cause (e.g. `lodestone index migrate`), send the refused documents to the index queue again",
    )
    .argument("[doc-ids...]", "only these documents (default: every dead letter)")
    .option("--json", "print JSON")
    .action(async (docIds: string[], options: { json?: boolean }) => {
      const config = loadConfig();
      await withSources(config, async ({ redis, queues }) => {
        const outcome = await retryDeadLetters(
          new DeadLetters(redis, config.QUEUE_PREFIX),
          queues,
          docIds.length > 0 ? { docIds } : {},
        );
        if (options.json) {
          process.stdout.write(`${JSON.stringify(outcome, null, 2)}\n`);
          return;
        }
        process.stdout.write(
          `${formatRetry(outcome)}\n${outcome.cleared} dead letter(s) cleared\n`,
        );
      });
    });
  return deadLetters;
}
