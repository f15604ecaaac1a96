/** `lodestone schedules list`: every scheduled source with its next run. */
import { Command } from "commander";
import { ENTRY_STAGE } from "../../pipelines/pipeline.ts";
import { loadConfig } from "../../shared/config.ts";
import { formatScheduleList } from "../sources/format-sources.ts";
import { withSources } from "../sources/open-sources.ts";
import { listSchedules } from "../sources/schedules.ts";

export function schedulesCommand(): Command {
  const schedules = new Command("schedules").description("scheduled re-ingestion");
  schedules
    .command("list")
    .description("each schedule with its cron expression, time zone and next run")
    .option("--json", "print JSON")
    .action(async (options: { json?: boolean }) => {
      await withSources(loadConfig(), async ({ queues }) => {
        const list = await listSchedules(queues[ENTRY_STAGE]);
        process.stdout.write(
          `${options.json ? JSON.stringify(list, null, 2) : formatScheduleList(list)}\n`,
        );
      });
    });
  return schedules;
}
