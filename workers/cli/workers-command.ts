/** `lodestone workers`: run every stage worker until SIGINT/SIGTERM. */
import { Command } from "commander";
import { ensureInfrastructure } from "../../infra/local/local-infrastructure.ts";
import { STAGE_NAMES } from "../../pipelines/pipeline.ts";
import { loadConfig } from "../../shared/config.ts";
import { createLogger } from "../../shared/logger.ts";
import { onShutdown } from "../runtime/shutdown.ts";

export function workersCommand(): Command {
  return new Command("workers")
    .description(`run the stage workers (${STAGE_NAMES.join(", ")}) until stopped`)
    .action(async () => {
      const config = loadConfig();
      const log = createLogger(config, "workers");
      await ensureInfrastructure(config, log);
      const { startWorkerHost } = await import("../runtime/worker-host.ts");
      const host = await startWorkerHost(config, log);
      onShutdown(log, () => host.close());
    });
}
