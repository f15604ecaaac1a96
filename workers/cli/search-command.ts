/** `lodestone search <query>`: full-text search in English and Chinese, for analysts at a terminal. */
import { Command, InvalidArgumentError } from "commander";
import { loadConfig } from "../../shared/config.ts";
import { createOpenSearch } from "../../shared/opensearch.ts";
import { formatResultJson, formatResultText } from "../search/format-result.ts";
import { runSearch } from "../search/run-search.ts";
import { searchOptionsSchema } from "../search/search-query.ts";

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError("a positive integer");
  return n;
}

interface SearchFlags {
  lang?: string;
  entity: string[];
  from?: string;
  to?: string;
  size: number;
  json?: boolean;
}

export function searchCommand(): Command {
  return new Command("search")
    .description(
      'search the indexed documents in English or Chinese (query_string syntax: AND, OR, "phrases", field:value)',
    )
    .argument("<query...>", 'words to find, e.g. 包头, Baotou, magnets, "rare earth"')
    .option("--lang <lang>", "only documents in this language (en, zh, …)")
    .option(
      "--entity <id>",
      "only documents naming this entity, e.g. loc:baotou (repeatable)",
      collect,
      [],
    )
    .option("--from <date>", "published on or after (2025, 2025-11, 2025-11-21)")
    .option("--to <date>", "published on or before (the whole year, month or day given)")
    .option("--size <n>", "number of results", positiveInt, 10)
    .option("--json", "print the result as JSON (matches marked «…»)")
    .action(async (words: string[], flags: SearchFlags) => {
      const config = loadConfig();
      const parsed = searchOptionsSchema.safeParse({
        query: words.join(" "),
        lang: flags.lang,
        entities: flags.entity,
        from: flags.from,
        to: flags.to,
        size: flags.size,
      });
      if (!parsed.success) {
        const issues = parsed.error.issues.map((i) => `--${String(i.path[0])}: ${i.message}`);
        throw new InvalidArgumentError(issues.join("; "));
      }
      const client = createOpenSearch(config);
      try {
        const result = await runSearch(
          client,
          { url: config.OPENSEARCH_URL, alias: config.INDEX_ALIAS },
          parsed.data,
        );
        process.stdout.write(
          flags.json
            ? formatResultJson(result)
            : formatResultText(result, process.stdout.isTTY ? "ansi" : "guillemets"),
        );
      } finally {
        await client.close();
      }
    });
}
