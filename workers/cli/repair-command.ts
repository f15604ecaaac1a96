/**
 * `lodestone repair [file]`: mojibake repair and normalisation of a file (or
 * stdin), nothing else. The repaired text goes to stdout so it can be piped;
 * the one-line summary goes to stderr so it never pollutes that output.
 * `--explain` adds, on stderr, each repaired span before and after, the
 * code-page path and the scores that accepted it.
 */
import { readFile } from "node:fs/promises";
import { Command } from "commander";
import { decodeBytes } from "../../pipelines/fetch/decode/decode-bytes.ts";
import type { SpanRepair } from "../../pipelines/normalize/repair/repair-text.ts";
import type { Repair } from "../../shared/document.ts";

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) {
    chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
  }
  return Buffer.concat(chunks);
}

/** Repairs → the one-line summary printed on stderr. */
export function summarizeRepairs(repairs: Repair[]): string {
  if (repairs.length === 0) return "repair: nothing to repair";
  const parts = repairs.map((r) => `${r.count} ${r.kind}${r.detail ? ` (${r.detail})` : ""}`);
  return `repair: ${parts.join("; ")}`;
}

/** Repaired spans → one explanation per span: before → after, the path, the scores (lower is more plausible). */
export function explainRepairs(spans: SpanRepair[]): string {
  return spans
    .map(
      (s) =>
        `${JSON.stringify(s.before)} → ${JSON.stringify(s.after)}\n  via ${s.path}; score ${s.scoreBefore.toFixed(2)} → ${s.scoreAfter.toFixed(2)}`,
    )
    .join("\n");
}

/** The `repair` command: a file or stdin → repaired text on stdout, summary (and explanation) on stderr. */
export function repairCommand(): Command {
  return new Command("repair")
    .description("repair mojibake and normalise text from a file or stdin; repaired text on stdout")
    .argument("[file]", "file to repair; reads stdin when omitted")
    .option(
      "--explain",
      "print each repaired span, its code-page path and the scores that accepted it",
    )
    .action(async (file: string | undefined, options: { explain?: boolean }) => {
      const bytes = file ? await readFile(file) : await readStdin();
      // Bytes in a legacy charset (a GBK file) are decoded as fetch would decode them.
      const decoded = decodeBytes(bytes, file ? { fileName: file } : {});
      // Loaded here: the repair models are large and other commands do not need them.
      const { repairText } = await import("../../pipelines/normalize/repair/repair-text.ts");
      const spans: SpanRepair[] = [];
      const result = repairText(decoded.text, options.explain ? spans : undefined);
      process.stdout.write(`${result.text}\n`);
      process.stderr.write(`${summarizeRepairs([...decoded.repairs, ...result.repairs])}\n`);
      if (options.explain && spans.length > 0) process.stderr.write(`${explainRepairs(spans)}\n`);
    });
}
