/**
 * Waits for jobs of one queue to finish, told of ends by the queue's event
 * feed (queue-event-feed.ts). A job often ends before the tracker's walk
 * reaches it (an index job finishes while its source's other documents are
 * still in the chain), so an end no one waits for yet is kept, as the text
 * the stream held, until someone does; the oldest are let go beyond a
 * bound, and those jobs are found by reading their state instead.
 */
import type { StreamEnd } from "./queue-event-feed.ts";

export type Finished = { result: unknown } | { reason: string };

/** Ends kept for jobs no one waits for yet (other runs' jobs are told too). */
const UNCLAIMED_KEPT = 20_000;

/** A return value as BullMQ stored it (JSON), or the raw text when it is not JSON, as BullMQ reads it. */
export function parsedOrRaw(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

function finishedOf(end: StreamEnd): Finished {
  return "completed" in end
    ? { result: end.completed === "" ? undefined : parsedOrRaw(end.completed) }
    : { reason: end.failed || "failed (no reason recorded)" };
}

interface Watcher {
  /** Called with the job's end, or with undefined to have the state read again. */
  wake(finished: Finished | undefined): void;
}

export interface Watch {
  /**
   * The end if it is known, else waits for it: resolves with the end, or with
   * undefined after `ms` or when the feed asks for states to be read again.
   */
  next(ms: number): Promise<Finished | undefined>;
  cancel(): void;
}

export class JobWaiters {
  private readonly waiting = new Map<string, Set<Watcher>>();
  private readonly unclaimed = new Map<string, StreamEnd>();

  /** The feed tells a job's end. */
  settle(jobId: string, end: StreamEnd): void {
    const waiters = this.waiting.get(jobId);
    if (!waiters) {
      this.unclaimed.delete(jobId);
      this.unclaimed.set(jobId, end);
      if (this.unclaimed.size > UNCLAIMED_KEPT) {
        const oldest = this.unclaimed.keys().next().value;
        if (oldest !== undefined) this.unclaimed.delete(oldest);
      }
      return;
    }
    this.waiting.delete(jobId);
    const finished = finishedOf(end);
    for (const waiter of waiters) waiter.wake(finished);
  }

  /** Every waiter reads its job's state again (the feed may have missed ends). */
  recheckAll(): void {
    for (const waiters of this.waiting.values())
      for (const waiter of waiters) waiter.wake(undefined);
  }

  /** Starts waiting for the job's end; an end told before is returned at once. */
  watch(jobId: string): Watch {
    const early = this.unclaimed.get(jobId);
    this.unclaimed.delete(jobId);
    let ended: Finished | undefined = early ? finishedOf(early) : undefined;
    let resolveNext: ((finished: Finished | undefined) => void) | undefined;
    const waiter: Watcher = {
      wake(finished) {
        if (finished) ended = finished;
        resolveNext?.(finished);
      },
    };
    const waiters = this.waiting.get(jobId) ?? new Set();
    waiters.add(waiter);
    this.waiting.set(jobId, waiters);
    return {
      cancel: () => {
        const current = this.waiting.get(jobId);
        current?.delete(waiter);
        if (current?.size === 0) this.waiting.delete(jobId);
      },
      next: (ms) =>
        ended
          ? Promise.resolve(ended)
          : new Promise((resolve) => {
              const timer = setTimeout(() => done(undefined), ms);
              const done = (finished: Finished | undefined) => {
                clearTimeout(timer);
                resolveNext = undefined;
                resolve(finished);
              };
              resolveNext = done;
            }),
    };
  }
}
