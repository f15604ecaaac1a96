/** `lodestone index status|migrate|drop`: the versioned indices behind the alias. */
import { Command } from "commander";
import { loadConfig } from "../../shared/config.ts";
import { createLogger } from "../../shared/logger.ts";
import { createOpenSearch } from "../../shared/opensearch.ts";
import { ensureIndex, indexSizingOf } from "../indexing/ensure-index.ts";
import { aliasTargets, migrateIndex } from "../indexing/migrate-index.ts";
import { createProgress } from "../runs/run-progress.ts";

export function indexCommand(): Command {
  const index = new Command("index").description(
    "the versioned OpenSearch indices behind the alias",
  );
  index
    .command("status")
    .description(
      "show which index the alias points at and every versioned index with its document count",
    )
    .action(async () => {
      const config = loadConfig();
      const client = createOpenSearch(config);
      try {
        const current = new Set(await aliasTargets(client, config.INDEX_ALIAS));
        const { body } = await client.cat.indices({
          index: `${config.INDEX_ALIAS}-v*`,
          format: "json",
        });
        const rows = (body as Array<{ index: string; "docs.count": string }>).sort((a, b) =>
          a.index.localeCompare(b.index),
        );
        for (const row of rows) {
          const mark = current.has(row.index) ? `← ${config.INDEX_ALIAS}` : "";
          process.stdout.write(
            `${row.index.padEnd(40)} ${row["docs.count"].padStart(8)} docs ${mark}\n`,
          );
        }
        if (rows.length === 0) process.stdout.write(`no index yet for ${config.INDEX_ALIAS}\n`);
      } finally {
        await client.close();
      }
    });
  index
    .command("migrate")
    .description(
      "create the next index version from the template, reindex into it and swap the alias atomically",
    )
    .action(async () => {
      const config = loadConfig();
      const log = createLogger(config, "index-migrate");
      const client = createOpenSearch(config);
      try {
        await ensureIndex(client, config.INDEX_ALIAS, indexSizingOf(config));
        let progress: ReturnType<typeof createProgress> | undefined;
        let ticked = 0;
        const result = await migrateIndex(
          client,
          config.INDEX_ALIAS,
          log,
          (done, total) => {
            progress ??= createProgress(total, log, "documents");
            for (; ticked < done; ticked += 1) progress.tick("");
          },
          indexSizingOf(config),
        );
        progress?.stop();
        process.stdout.write(
          `${config.INDEX_ALIAS}: ${result.from} → ${result.to}; ${result.copied} copied, ${result.caughtUp} caught up. ` +
            `${result.from} is kept; remove it with \`lodestone index drop ${result.from}\`.\n`,
        );
      } finally {
        await client.close();
      }
    });
  index
    .command("drop")
    .description("delete an old versioned index (never the one the alias points at)")
    .argument("<index>", "e.g. lodestone-documents-v1")
    .action(async (name: string) => {
      const config = loadConfig();
      const client = createOpenSearch(config);
      try {
        if (!name.startsWith(`${config.INDEX_ALIAS}-v`)) {
          throw new Error(`${name} is not a versioned index of ${config.INDEX_ALIAS}`);
        }
        if ((await aliasTargets(client, config.INDEX_ALIAS)).includes(name)) {
          throw new Error(`${name} is behind the alias ${config.INDEX_ALIAS}; migrate first`);
        }
        await client.indices.delete({ index: name });
        process.stdout.write(`deleted ${name}\n`);
      } finally {
        await client.close();
      }
    });
  return index;
}
