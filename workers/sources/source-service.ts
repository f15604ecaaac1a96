/**
 * What operators do with sources, for the CLI and the HTTP API alike:
 * register (and schedule, and enqueue a first run), list, show, remove
 * (with its schedule).
 */
import { z } from "zod";
import { ENTRY_STAGE } from "../../pipelines/pipeline.ts";
import type { SourceRef } from "../../shared/document.ts";
import { errorMessage } from "../../shared/errors.ts";
import { newRunId } from "../runs/enqueue-sources.ts";
import { enqueueSources } from "../runtime/entry-jobs.ts";
import type { QueueSet } from "../runtime/queue-set.ts";
import { nextRunOf, removeSchedule, upsertSchedule } from "./schedules.ts";
import type { RegisteredSource, SourceRegistry } from "./source-registry.ts";

/** The body of `POST /sources`, and what `lodestone enqueue` registers per source. */
export const sourceInputSchema = z
  .object({
    uri: z.url({ protocol: /^https?$/, error: "uri must be an http(s) URL" }),
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

export class SourceService {
  constructor(
    private readonly registry: SourceRegistry,
    private readonly queues: QueueSet,
  ) {}

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
