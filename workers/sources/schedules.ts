/**
 * Scheduled re-ingestion: one BullMQ job scheduler per source on the fetch
 * queue, its id the source id, so re-registering a source updates its
 * schedule instead of adding a second one. Cron expressions are parsed by
 * cron-parser (the library BullMQ itself uses), with an optional seconds field.
 */
import type { Queue } from "bullmq";
import { CronExpressionParser } from "cron-parser";
import { z } from "zod";
import { ENTRY_STAGE } from "../../pipelines/pipeline.ts";
import type { SourceRef } from "../../shared/document.ts";
import { sourceRefSchema } from "../../shared/document.ts";
import { errorMessage } from "../../shared/errors.ts";
import { SCHEDULED_RUN_MARKER } from "./scheduled-run.ts";

export class ScheduleError extends Error {
  override name = "ScheduleError";
}

export interface ScheduleInfo {
  sourceId: string;
  uri?: string;
  pattern?: string;
  tz?: string;
  /** When the next run is due, ISO 8601; absent if the scheduler has no next run. */
  next?: string;
}

function checkTimeZone(tz: string): void {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
  } catch (error) {
    throw new ScheduleError(
      `unknown time zone ${JSON.stringify(tz)} (an IANA name such as Asia/Shanghai)`,
      {
        cause: error,
      },
    );
  }
}

/** Validates a cron expression (5 fields, or 6 with seconds first) and returns its next run. */
export function nextRunOf(pattern: string, tz?: string, from = new Date()): Date {
  if (tz) checkTimeZone(tz);
  const fields = pattern.trim().split(/\s+/).length;
  if (fields < 5 || fields > 6) {
    throw new ScheduleError(
      `invalid schedule ${JSON.stringify(pattern)}: a cron expression has 5 fields (or 6 with seconds first)`,
    );
  }
  try {
    return CronExpressionParser.parse(pattern, {
      currentDate: from,
      strict: false,
      ...(tz ? { tz } : {}),
    })
      .next()
      .toDate();
  } catch (error) {
    const reason = errorMessage(error);
    throw new ScheduleError(`invalid schedule ${JSON.stringify(pattern)}: ${reason}`, {
      cause: error,
    });
  }
}

/** Consecutive runs compared: a pattern's shortest gap shows within its first runs. */
const RUNS_COMPARED = 24;

/**
 * Refuses a schedule whose runs can come closer than `minIntervalMs`
 * (SCHEDULE_MIN_INTERVAL_MS): `* * * * * *` would fetch a source every second.
 */
export function checkScheduleInterval(
  pattern: string,
  tz: string | undefined,
  minIntervalMs: number,
): void {
  nextRunOf(pattern, tz);
  const runs = CronExpressionParser.parse(pattern, { strict: false, ...(tz ? { tz } : {}) });
  let previous = runs.next().getTime();
  for (let i = 1; i < RUNS_COMPARED && runs.hasNext(); i += 1) {
    const next = runs.next().getTime();
    if (next - previous < minIntervalMs) {
      throw new ScheduleError(
        `schedule ${JSON.stringify(pattern)} runs ${(next - previous) / 1000} s apart, ` +
          `more often than once every ${minIntervalMs / 1000} s (SCHEDULE_MIN_INTERVAL_MS)`,
      );
    }
    previous = next;
  }
}

export async function upsertSchedule(
  fetchQueue: Queue,
  source: SourceRef,
  pattern: string,
  tz?: string,
): Promise<void> {
  nextRunOf(pattern, tz);
  await fetchQueue.upsertJobScheduler(
    source.id,
    { pattern, ...(tz ? { tz } : {}) },
    { name: ENTRY_STAGE, data: { run_id: SCHEDULED_RUN_MARKER, payload: { source } } },
  );
}

export async function removeSchedule(fetchQueue: Queue, sourceId: string): Promise<boolean> {
  return fetchQueue.removeJobScheduler(sourceId);
}

const templateSchema = z.object({ payload: z.object({ source: sourceRefSchema }) });

export async function listSchedules(fetchQueue: Queue): Promise<ScheduleInfo[]> {
  const schedulers = await fetchQueue.getJobSchedulers(0, -1, true);
  return schedulers.map((scheduler) => {
    const template = templateSchema.safeParse(scheduler.template?.data);
    return {
      sourceId: scheduler.id ?? scheduler.key,
      ...(template.success ? { uri: template.data.payload.source.uri } : {}),
      ...(scheduler.pattern ? { pattern: scheduler.pattern } : {}),
      ...(scheduler.tz ? { tz: scheduler.tz } : {}),
      ...(scheduler.next !== undefined ? { next: new Date(scheduler.next).toISOString() } : {}),
    };
  });
}
