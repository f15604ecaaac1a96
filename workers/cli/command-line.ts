/**
 * The operator's command line: each command lives in its own file, and its
 * module is loaded only when it is the one asked for. A command pulls in
 * what it needs (BullMQ, the OpenSearch client, the pipeline's stages), and
 * loading every command's took longer than most commands run. The overview
 * (lodestone --help, help, a mistyped name) loads them all.
 */
import { Command } from "commander";

const commands: Record<string, () => Promise<Command>> = {
  process: () => import("./process-command.ts").then((m) => m.processCommand()),
  enqueue: () => import("./enqueue-command.ts").then((m) => m.enqueueCommand()),
  workers: () => import("./workers-command.ts").then((m) => m.workersCommand()),
  infra: () => import("./infra-command.ts").then((m) => m.infraCommand()),
  index: () => import("./index-command.ts").then((m) => m.indexCommand()),
  failed: () => import("./failed-command.ts").then((m) => m.failedCommand()),
  "dead-letters": () => import("./dead-letters-command.ts").then((m) => m.deadLettersCommand()),
  repair: () => import("./repair-command.ts").then((m) => m.repairCommand()),
  sources: () => import("./sources-command.ts").then((m) => m.sourcesCommand()),
  schedules: () => import("./schedules-command.ts").then((m) => m.schedulesCommand()),
  api: () => import("./api-command.ts").then((m) => m.apiCommand()),
  dashboards: () => import("./dashboards-command.ts").then((m) => m.dashboardsCommand()),
  search: () => import("./search-command.ts").then((m) => m.searchCommand()),
};

/** Builds the command line with the command asked for (or all of them) and runs it. */
export async function runCli(argv: string[]): Promise<void> {
  const program = new Command("lodestone")
    .description("Ingest bilingual (Chinese/English) rare-earth industry news into OpenSearch")
    .showHelpAfterError()
    // A subcommand's options are its own: `failed retry --stage x` must not hand --stage to `failed`.
    .enablePositionalOptions();
  const asked = argv[2];
  const only = asked !== undefined && Object.hasOwn(commands, asked) ? asked : undefined;
  for (const [name, load] of Object.entries(commands))
    if (only === undefined || name === only) program.addCommand(await load());
  await program.parseAsync(argv);
}
