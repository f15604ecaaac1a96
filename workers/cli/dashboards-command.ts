/** `lodestone dashboards import|check`: the saved objects of infra/dashboards in OpenSearch Dashboards. */
import { fileURLToPath } from "node:url";
import { Command } from "commander";
import { loadConfig } from "../../shared/config.ts";
import { checkSavedObjects } from "../dashboards/check-saved-objects.ts";
import { importSavedObjects } from "../dashboards/import-saved-objects.ts";
import { readSavedObjectFiles } from "../dashboards/saved-object.ts";

const DEFAULT_DIR = fileURLToPath(new URL("../../infra/dashboards", import.meta.url));

function printProblems(problems: readonly string[]): void {
  for (const problem of problems) process.stderr.write(`  ${problem}\n`);
}

export function dashboardsCommand(): Command {
  const dashboards = new Command("dashboards").description(
    "OpenSearch Dashboards saved objects (index pattern, searches, visualizations, dashboard)",
  );
  dashboards
    .command("check")
    .description(
      "check the saved objects offline: references, and fields against the index template",
    )
    .option("--dir <folder>", "folder of .ndjson files", DEFAULT_DIR)
    .action(async (options: { dir: string }) => {
      const config = loadConfig();
      const files = await readSavedObjectFiles(options.dir);
      const problems = checkSavedObjects(files, config.INDEX_ALIAS);
      const count = files.reduce((n, file) => n + file.objects.length, 0);
      if (problems.length > 0) {
        process.stderr.write(`${problems.length} problem(s) in ${count} saved objects:\n`);
        printProblems(problems);
        process.exitCode = 1;
        return;
      }
      process.stdout.write(
        `${count} saved objects in ${files.length} files: all references and fields resolve\n`,
      );
    });
  dashboards
    .command("import")
    .description("import the saved objects through the Dashboards API, overwriting older versions")
    .option("--url <url>", "OpenSearch Dashboards URL (default: DASHBOARDS_URL)")
    .option("--dir <folder>", "folder of .ndjson files", DEFAULT_DIR)
    .action(async (options: { url?: string; dir: string }) => {
      const config = loadConfig();
      const url = options.url ?? config.DASHBOARDS_URL;
      const files = await readSavedObjectFiles(options.dir);
      if (files.length === 0) throw new Error(`no .ndjson files in ${options.dir}`);
      const problems = checkSavedObjects(files, config.INDEX_ALIAS);
      if (problems.length > 0) {
        process.stderr.write("not importing: the saved objects do not check out:\n");
        printProblems(problems);
        process.exitCode = 1;
        return;
      }
      let failed = 0;
      // One file after another: later files refer to the objects of earlier ones.
      for (const file of files) {
        const result = await importSavedObjects(url, file);
        const name = file.file.slice(file.file.lastIndexOf("/") + 1);
        process.stdout.write(`${name}: ${result.successCount}/${result.objects} imported\n`);
        if (result.errors.length > 0) {
          failed += result.errors.length;
          printProblems(result.errors);
        }
      }
      if (failed > 0) {
        process.stderr.write(`${failed} error(s) importing into ${url}\n`);
        process.exitCode = 1;
      }
    });
  return dashboards;
}
