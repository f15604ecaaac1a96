/** `lodestone dead-letters`: documents OpenSearch refused, newest first, with its reason. */
import { Command } from "commander";
import { loadConfig } from "../../shared/config.ts";
import { createRedis } from "../../shared/redis.ts";
import { DeadLetters } from "../indexing/dead-letters.ts";

export function deadLettersCommand(): Command {
  return new Command("dead-letters")
    .description("list documents that OpenSearch refused for good, with the reason it gave")
    .option("--limit <n>", "how many, newest first", "50")
    .option("--json", "print JSON")
    .action(async (options: { limit: string; json?: boolean }) => {
      const config = loadConfig();
      const redis = createRedis(config, false);
      try {
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
      } finally {
        redis.disconnect();
      }
    });
}
