/**
 * A deadline that holds: a plain, referenced timer aborting a controller.
 * `AbortSignal.timeout()` is unreferenced and, combined through
 * `AbortSignal.any()` on Node 20, can be garbage-collected before it fires,
 * so a slow server could hold a fetch for ever.
 */

export interface Deadline {
  signal: AbortSignal;
  /** True once the deadline itself (not the parent signal) fired. */
  readonly expired: boolean;
  /** Stops the timer but keeps following the parent signal (work goes on under another deadline). */
  disarm(): void;
  /** Stops the timer and unlinks the parent signal; call when the work is done. */
  clear(): void;
}

/** A signal that aborts after `ms` with `reason()`, or when `parent` aborts. */
export function startDeadline(ms: number, reason: () => Error, parent?: AbortSignal): Deadline {
  const controller = new AbortController();
  let expired = false;
  const timer = setTimeout(() => {
    expired = true;
    controller.abort(reason());
  }, ms);
  const onParentAbort = () => controller.abort(parent?.reason);
  if (parent?.aborted) onParentAbort();
  else parent?.addEventListener("abort", onParentAbort, { once: true });
  return {
    signal: controller.signal,
    get expired() {
      return expired;
    },
    disarm() {
      clearTimeout(timer);
    },
    clear() {
      clearTimeout(timer);
      parent?.removeEventListener("abort", onParentAbort);
    },
  };
}

/** Resolves like `work`, or rejects with `reason()` when it takes longer than `ms`. */
export async function within<T>(work: Promise<T>, ms: number, reason: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(reason()), ms);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}
