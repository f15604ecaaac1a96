/** `lodestone api`: the operator HTTP API (sources, jobs, health, metrics, queue view) until stopped. */
import { Command } from "commander";
import { loadConfig } from "../../shared/config.ts";
import { createLogger } from "../../shared/logger.ts";
import { onShutdown } from "../runtime/shutdown.ts";

export function apiCommand(): Command {
  return new Command("api")
    .description(
      "serve the HTTP API on PORT (needs LODESTONE_API_KEY): /sources, /jobs/:id, /failed, /dead-letters, /health, /ready, /metrics, /queues",
    )
    .action(async () => {
      const config = loadConfig();
      const log = createLogger(config, "api");
      const { startApi } = await import("../api/start-api.ts");
      const api = await startApi(config, log);
      onShutdown(log, () => api.close());
    });
}
