/**
 * What operators do with sources, for the CLI and the HTTP API alike:
 * register (and schedule, and enqueue a first run), list, show, remove
 * (with its schedule).
 */
import { z } from "zod";
import { hasCredentials } from "../../pipelines/fetch/admission.ts";
import { ENTRY_STAGE } from "../../pipelines/pipeline.ts";
import type { Config } from "../../shared/config.ts";
import type { SourceRef } from "../../shared/document.ts";
import { errorMessage } from "../../shared/errors.ts";
import { newRunId } from "../runs/enqueue-sources.ts";
import { enqueueSources } from "../runtime/entry-jobs.ts";
import type { QueueSet } from "../runtime/queue-set.ts";
import { checkScheduleInterval, nextRunOf, removeSchedule, upsertSchedule } from "./schedules.ts";
import type { RegisteredSource, SourceRegistry } from "./source-registry.ts";

/** The body of `POST /sources`, and what `lodestone enqueue` registers per source. */
export const sourceInputSchema = z
  .object({
    uri: z
      .url({ protocol: /^https?$/, error: "uri must be an http(s) URL" })
      .refine((uri) => !hasCredentials(uri), {
        // Not echoed, not stored: credentials belong in no URL Lodestone keeps.
        message: "uri must not carry credentials (user:password@)",
      }),
    name: z.string().trim().min(1).max(200).optional(),
    publisher: z.string().trim().min(1).max(200).optional(),
    schedule: z.string().trim().min(1).max(100).optional(),
    tz: z.string().trim().min(1).max(64).optional(),
  })
  .strict()
  .superRefine((input, ctx) => {
    if (input.tz && !input.schedule) {
      ctx.addIssue({ code: "custom", path: ["tz"], message: "tz needs a schedule" });
    }
    if (!input.schedule) return;
    try {
      nextRunOf(input.schedule, input.tz);
    } catch (error) {
      ctx.addIssue({
        code: "custom",
        path: ["schedule"],
        message: errorMessage(error),
      });
    }
  });
export type SourceInput = z.infer<typeof sourceInputSchema>;

export interface AddedSource {
  source: RegisteredSource;
  /** The first run, enqueued at once. */
  run?: { run_id: string; job_id: string };
}

export interface AddOptions {
  schedule?: string;
  tz?: string;
  /** Without a schedule of its own, keep the one the source has (`lodestone enqueue`). */
  keepSchedule?: boolean;
  /** false: register only; the caller enqueues. */
  enqueue?: boolean;
  runId?: string;
}

/** How much the registry takes: sources, schedules, and how often a schedule may run. */
export interface SourceLimits {
  maxSources: number;
  maxSchedules: number;
  minScheduleIntervalMs: number;
}

export const DEFAULT_SOURCE_LIMITS: SourceLimits = {
  maxSources: 10_000,
  maxSchedules: 1_000,
  minScheduleIntervalMs: 60_000,
};

/** The limits the configuration sets. */
export function sourceLimitsOf(
  config: Pick<Config, "MAX_SOURCES" | "MAX_SCHEDULES" | "SCHEDULE_MIN_INTERVAL_MS">,
): SourceLimits {
  return {
    maxSources: config.MAX_SOURCES,
    maxSchedules: config.MAX_SCHEDULES,
    minScheduleIntervalMs: config.SCHEDULE_MIN_INTERVAL_MS,
  };
}

/** A registration over one of the registry's caps (MAX_SOURCES, MAX_SCHEDULES). */
export class LimitError extends Error {
  override name = "LimitError";
}

export class SourceService {
  constructor(
    private readonly registry: SourceRegistry,
    private readonly queues: QueueSet,
    private readonly limits: SourceLimits = DEFAULT_SOURCE_LIMITS,
  ) {}

  /** Refuses a new source or a new schedule past the caps, and a schedule that runs too often. */
  private async checkLimits(source: SourceRef, schedule: string | undefined, tz?: string) {
    if (schedule) checkScheduleInterval(schedule, tz, this.limits.minScheduleIntervalMs);
    const known = await this.registry.get(source.id);
    if (!known && (await this.registry.count()) >= this.limits.maxSources) {
      throw new LimitError(
        `the registry holds ${this.limits.maxSources} sources, its limit (MAX_SOURCES)`,
      );
    }
    const scheduled = schedule && !(await this.queues[ENTRY_STAGE].getJobScheduler(source.id));
    if (
      scheduled &&
      (await this.queues[ENTRY_STAGE].getJobSchedulersCount()) >= this.limits.maxSchedules
    ) {
      throw new LimitError(
        `${this.limits.maxSchedules} sources are scheduled, the limit (MAX_SCHEDULES)`,
      );
    }
  }

  /**
   * Registers a source, puts it on its schedule (or takes it off one), and
   * enqueues a first run unless told not to.
   */
  async add(source: SourceRef, addOptions: AddOptions = {}): Promise<AddedSource> {
    const existing = addOptions.keepSchedule ? await this.registry.get(source.id) : undefined;
    const options =
      !addOptions.schedule && existing?.schedule
        ? {
            ...addOptions,
            schedule: existing.schedule,
            ...(existing.tz ? { tz: existing.tz } : {}),
          }
        : addOptions;
    if (options.schedule) nextRunOf(options.schedule, options.tz);
    await this.checkLimits(source, options.schedule, options.tz);
    const registered = await this.registry.register({
      source,
      ...(options.schedule ? { schedule: options.schedule } : {}),
      ...(options.tz ? { tz: options.tz } : {}),
    });
    if (options.schedule) {
      await upsertSchedule(this.queues[ENTRY_STAGE], source, options.schedule, options.tz);
    } else {
      await removeSchedule(this.queues[ENTRY_STAGE], source.id);
    }
    if (options.enqueue === false) return { source: registered };
    const runId = options.runId ?? newRunId();
    const [job] = await enqueueSources(this.queues, [source], runId);
    if (!job) throw new Error(`no job was enqueued for ${source.id}`);
    await this.registry.recordRun(source.id, { run_id: runId, status: "queued" });
    return {
      source: (await this.registry.get(source.id)) ?? registered,
      run: { run_id: runId, job_id: job.jobId },
    };
  }

  list(): Promise<RegisteredSource[]> {
    return this.registry.list();
  }

  get(id: string): Promise<RegisteredSource | undefined> {
    return this.registry.get(id);
  }

  /** Removes a source and its schedule; false when neither existed. */
  async remove(id: string): Promise<boolean> {
    const [unscheduled, removed] = await Promise.all([
      removeSchedule(this.queues[ENTRY_STAGE], id),
      this.registry.remove(id),
    ]);
    return unscheduled || removed;
  }
}
