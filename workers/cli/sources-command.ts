/** `lodestone sources list|show|remove`: the registered sources and their last runs. */
import { Command } from "commander";
import { loadConfig } from "../../shared/config.ts";
import { formatSource, formatSourceList } from "../sources/format-sources.ts";
import { withSources } from "../sources/open-sources.ts";

function print(value: unknown, json: boolean | undefined, text: () => string): void {
  process.stdout.write(`${json ? JSON.stringify(value, null, 2) : text()}\n`);
}

export function sourcesCommand(): Command {
  const sources = new Command("sources").description("registered sources and their last runs");
  sources
    .command("list")
    .description("every registered source with its last run and schedule")
    .option("--json", "print JSON")
    .action(async (options: { json?: boolean }) => {
      await withSources(loadConfig(), async ({ service }) => {
        const list = await service.list();
        print(list, options.json, () => formatSourceList(list));
      });
    });
  sources
    .command("show")
    .description("one source: what it is, its schedule, its last run and what that run saw")
    .argument("<id>", "source id (see `sources list`)")
    .option("--json", "print JSON")
    .action(async (id: string, options: { json?: boolean }) => {
      await withSources(loadConfig(), async ({ service }) => {
        const source = await service.get(id);
        if (!source)
          throw new Error(`no source ${JSON.stringify(id)} (see \`lodestone sources list\`)`);
        print(source, options.json, () => formatSource(source));
      });
    });
  sources
    .command("remove")
    .description("forget a source and remove its schedule (its indexed documents stay)")
    .argument("<id>", "source id")
    .option("--json", "print JSON")
    .action(async (id: string, options: { json?: boolean }) => {
      await withSources(loadConfig(), async ({ service }) => {
        if (!(await service.remove(id))) throw new Error(`no source ${JSON.stringify(id)}`);
        print({ removed: id }, options.json, () => `removed ${id} and its schedule`);
      });
    });
  return sources;
}
