/** `lodestone failed [--stage S]` and `lodestone failed retry <job-id>|--all`: failed work, seen and replayed. */
import { Command, InvalidArgumentError, Option } from "commander";
import { STAGE_NAMES, type StageName } from "../../pipelines/pipeline.ts";
import { loadConfig } from "../../shared/config.ts";
import {
  countFailed,
  type FailedJob,
  listFailed,
  type RetryOutcome,
  retryAllFailed,
  retryFailedJob,
} from "../runs/failed-jobs.ts";
import { withSources } from "../sources/open-sources.ts";

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError("a whole number, 1 or more");
  return n;
}

function stageOption(): Option {
  return new Option("--stage <stage>", "only this stage").choices(STAGE_NAMES);
}

function formatFailed(jobs: FailedJob[], counts: Record<StageName, number>): string {
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  const perStage = STAGE_NAMES.filter((s) => counts[s] > 0).map((s) => `${s} ${counts[s]}`);
  const head = `${total} failed job(s)${perStage.length ? ` (${perStage.join(", ")})` : ""}`;
  // The reason on a line of its own, in full: it is what the operator acts on.
  const rows = jobs.map(
    (j) =>
      `${j.at ?? "-"}  ${j.stage.padEnd(9)} ${j.id}\n    source ${j.source ?? "-"}, ${j.attempts} attempt(s): ${j.reason}`,
  );
  const shown = jobs.length < total ? [`showing the newest ${jobs.length}; --limit for more`] : [];
  return [head, ...rows, ...shown].join("\n");
}

/** One line per replayed job would drown a large retry: counts, then what was skipped and why. */
export function formatRetry(outcome: RetryOutcome): string {
  const byStage = new Map<string, number>();
  for (const r of outcome.retried) byStage.set(r.stage, (byStage.get(r.stage) ?? 0) + 1);
  const stages = [...byStage].map(([s, n]) => `${s} ${n}`).join(", ");
  const lines = [
    `retried ${outcome.retried.length} job(s)${stages ? ` (${stages})` : ""}; ` +
      "`lodestone workers` processes them, `lodestone failed` shows what fails again",
  ];
  for (const s of outcome.skipped) lines.push(`  skipped ${s.id}: ${s.reason}`);
  return lines.join("\n");
}

/** The `failed` command and its `retry` subcommand. */
export function failedCommand(): Command {
  const failed = new Command("failed")
    .enablePositionalOptions()
    .description(
      "jobs that failed for good, newest first: id, stage, source, attempts, reason, when",
    )
    .addOption(stageOption())
    .option("--limit <n>", "how many", positiveInt, 50)
    .option("--json", "print JSON")
    .action(async (options: { stage?: StageName; limit: number; json?: boolean }) => {
      await withSources(loadConfig(), async ({ queues }) => {
        const jobs = await listFailed(queues, {
          ...(options.stage ? { stage: options.stage } : {}),
          limit: options.limit,
        });
        if (options.json) {
          process.stdout.write(`${JSON.stringify(jobs, null, 2)}\n`);
          return;
        }
        const counts = await countFailed(queues);
        if (options.stage) for (const s of STAGE_NAMES) if (s !== options.stage) counts[s] = 0;
        process.stdout.write(`${formatFailed(jobs, counts)}\n`);
      });
    });
  failed
    .command("retry")
    .description("put failed jobs back on their queues with their attempts reset")
    .argument("[job-id]", "one job (see `lodestone failed`)")
    .option("--all", "every failed job (of --stage, when given)")
    .addOption(stageOption())
    .option("--json", "print JSON")
    .action(
      async (
        jobId: string | undefined,
        options: { all?: boolean; stage?: StageName; json?: boolean },
      ) => {
        if (Boolean(jobId) === Boolean(options.all))
          throw new Error("name one job id, or --all (with --stage to keep to one stage)");
        if (jobId && options.stage) throw new Error("--stage goes with --all, not with a job id");
        await withSources(loadConfig(), async ({ queues }) => {
          const outcome = jobId
            ? await retryFailedJob(queues, jobId)
            : await retryAllFailed(queues, options.stage ? { stage: options.stage } : {});
          process.stdout.write(
            `${options.json ? JSON.stringify(outcome, null, 2) : formatRetry(outcome)}\n`,
          );
          if (jobId && outcome.retried.length === 0) process.exitCode = 1;
        });
      },
    );
  return failed;
}
