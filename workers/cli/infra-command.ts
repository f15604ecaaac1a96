/** `lodestone infra up|down|status`: local Redis and OpenSearch without Docker. */
import { Command } from "commander";
import { infraDown, infraStatus, infraUp } from "../../infra/local/local-infrastructure.ts";
import { loadConfig } from "../../shared/config.ts";
import { createLogger } from "../../shared/logger.ts";

export function infraCommand(): Command {
  const infra = new Command("infra").description("local Redis and OpenSearch (no Docker needed)");
  infra
    .command("up")
    .description(
      "start a local Redis and OpenSearch unless REDIS_URL / OPENSEARCH_URL already answer",
    )
    .action(async () => {
      const config = loadConfig();
      await infraUp(config, createLogger(config, "infra"));
      for (const [what, state] of Object.entries(await infraStatus(config))) {
        process.stdout.write(`${what.padEnd(11)} ${state}\n`);
      }
    });
  infra
    .command("down")
    .description("stop the local Redis and OpenSearch that `infra up` started")
    .action(async () => {
      const stopped = await infraDown(loadConfig());
      process.stdout.write(
        `redis      ${stopped.redis ? "stopped" : "was not running"}\nopensearch ${stopped.opensearch ? "stopped" : "was not running"}\n`,
      );
    });
  infra
    .command("status")
    .description("show whether Redis and OpenSearch answer")
    .action(async () => {
      for (const [what, state] of Object.entries(await infraStatus(loadConfig()))) {
        process.stdout.write(`${what.padEnd(11)} ${state}\n`);
      }
    });
  return infra;
}
