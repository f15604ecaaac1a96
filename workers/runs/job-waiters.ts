/**
 * Waits for jobs of one queue to finish, with one `completed` and one
 * `failed` listener on its QueueEvents however many jobs are awaited.
 * BullMQ's own `job.waitUntilFinished` adds listeners per job (on the events
 * and on the Queue's `closing`), so a run of a thousand sources tripped
 * Node's MaxListenersExceededWarning and kept a closure per job alive.
 */
import type { QueueEvents } from "bullmq";

export type Finished = { result: unknown } | { reason: string };

export class JobWaiters {
  private readonly waiting = new Map<string, Set<(finished: Finished) => void>>();

  constructor(events: QueueEvents) {
    events.on("completed", ({ jobId, returnvalue }) => this.settle(jobId, { result: returnvalue }));
    events.on("failed", ({ jobId, failedReason }) => this.settle(jobId, { reason: failedReason }));
  }

  private settle(jobId: string, finished: Finished): void {
    const waiters = this.waiting.get(jobId);
    if (!waiters) return;
    this.waiting.delete(jobId);
    for (const resolve of waiters) resolve(finished);
  }

  /**
   * Starts listening for the job's end before the caller reads its state, so
   * an end between the two is not missed. `next` resolves with the end, or
   * undefined after `ms`; `cancel` stops listening.
   */
  watch(jobId: string): { next(ms: number): Promise<Finished | undefined>; cancel(): void } {
    let ended: Finished | undefined;
    let wake: ((finished: Finished | undefined) => void) | undefined;
    const onEnd = (finished: Finished) => {
      ended = finished;
      wake?.(finished);
    };
    const waiters = this.waiting.get(jobId) ?? new Set();
    waiters.add(onEnd);
    this.waiting.set(jobId, waiters);
    const cancel = () => {
      const current = this.waiting.get(jobId);
      current?.delete(onEnd);
      if (current?.size === 0) this.waiting.delete(jobId);
    };
    return {
      cancel,
      next: (ms) =>
        ended
          ? Promise.resolve(ended)
          : new Promise((resolve) => {
              const timer = setTimeout(() => {
                wake = undefined;
                resolve(undefined);
              }, ms);
              wake = (finished) => {
                clearTimeout(timer);
                wake = undefined;
                resolve(finished);
              };
            }),
    };
  }
}
