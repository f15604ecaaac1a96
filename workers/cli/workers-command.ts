/** `lodestone workers`: run every stage worker until SIGINT/SIGTERM. */
import { Command, InvalidArgumentError } from "commander";
import { ensureInfrastructure } from "../../infra/local/local-infrastructure.ts";
import { isStageName, STAGE_NAMES, type StageName } from "../../pipelines/pipeline.ts";
import { loadConfig } from "../../shared/config.ts";
import { createLogger } from "../../shared/logger.ts";
import { limitHeapGrowth } from "../runtime/heap-growth.ts";
import { onShutdown } from "../runtime/shutdown.ts";

/** "normalize,enrich" → the stage names, or a usage error naming the stages there are. */
export function parseStages(list: string): StageName[] {
  const names = list
    .split(",")
    .map((name) => name.trim())
    .filter((name) => name !== "");
  const stages = names.filter(isStageName);
  const unknown = names.filter((name) => !isStageName(name));
  if (names.length === 0 || unknown.length > 0)
    throw new InvalidArgumentError(
      `${unknown.length > 0 ? `unknown stage ${unknown.join(", ")}` : "no stage"}; the stages are ${STAGE_NAMES.join(", ")}`,
    );
  return stages;
}

export function workersCommand(): Command {
  return new Command("workers")
    .description(`run the stage workers (${STAGE_NAMES.join(", ")}) until stopped`)
    .option(
      "--stages <list>",
      "comma-separated stages this process works on, to place stages on different machines",
      parseStages,
    )
    .action(async (options: { stages?: StageName[] }) => {
      limitHeapGrowth();
      const config = loadConfig();
      const log = createLogger(config, "workers");
      await ensureInfrastructure(config, log);
      const { startWorkerHost } = await import("../runtime/worker-host.ts");
      const host = await startWorkerHost(config, log, {
        ...(options.stages ? { stages: options.stages } : {}),
      });
      onShutdown(log, () => host.close());
    });
}
