#!/usr/bin/env -S node --import tsx
/**
 * `lodestone`: the operator's command line. Each command lives in its own
 * file; this one only assembles them.
 */
import { Command } from "commander";
import { errorMessage } from "../../shared/errors.ts";
import { apiCommand } from "./api-command.ts";
import { dashboardsCommand } from "./dashboards-command.ts";
import { deadLettersCommand } from "./dead-letters-command.ts";
import { enqueueCommand } from "./enqueue-command.ts";
import { failedCommand } from "./failed-command.ts";
import { indexCommand } from "./index-command.ts";
import { infraCommand } from "./infra-command.ts";
import { processCommand } from "./process-command.ts";
import { repairCommand } from "./repair-command.ts";
import { schedulesCommand } from "./schedules-command.ts";
import { searchCommand } from "./search-command.ts";
import { sourcesCommand } from "./sources-command.ts";
import { workersCommand } from "./workers-command.ts";

const program = new Command("lodestone")
  .description("Ingest bilingual (Chinese/English) rare-earth industry news into OpenSearch")
  .showHelpAfterError()
  // A subcommand's options are its own: `failed retry --stage x` must not hand --stage to `failed`.
  .enablePositionalOptions()
  .addCommand(processCommand())
  .addCommand(enqueueCommand())
  .addCommand(workersCommand())
  .addCommand(infraCommand())
  .addCommand(indexCommand())
  .addCommand(failedCommand())
  .addCommand(deadLettersCommand())
  .addCommand(repairCommand())
  .addCommand(sourcesCommand())
  .addCommand(schedulesCommand())
  .addCommand(apiCommand())
  .addCommand(dashboardsCommand())
  .addCommand(searchCommand());

program.parseAsync(process.argv).catch((error: unknown) => {
  process.stderr.write(`lodestone: ${errorMessage(error)}\n`);
  process.exit(1);
});
