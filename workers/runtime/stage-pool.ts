/**
 * A pool of worker threads for the CPU-bound stages (cost "cpu" in
 * pipelines/pipeline.ts). A stage function that runs for seconds would
 * otherwise hold the event loop: BullMQ could not renew the locks of the
 * other jobs, which would stall. Here the main thread only waits, so locks
 * keep being renewed, and a job over its time limit is stopped by
 * terminating its thread: it fails for good with a BudgetExceededError
 * naming STAGE_TIME_LIMIT_MS, and a fresh thread takes the next job.
 *
 * Each thread runs a group of stages (thread-groups.ts) and loads only their
 * models, once. Threads start on demand or all at once (warm), and a thread
 * that was stopped is replaced by one for the same group. Inputs and outputs
 * cross as plain JSON.
 */
import { Worker } from "node:worker_threads";
import type { StageBudgets } from "../../pipelines/budgets.ts";
import type { Config } from "../../shared/config.ts";
import {
  BudgetExceededError,
  CriticalError,
  type ErrorPolicy,
  errorMessage,
  PermanentError,
  RetryableError,
} from "../../shared/errors.ts";
import type { Logger } from "../../shared/logger.ts";
import type { StageThreadData } from "./stage-thread.ts";
import type { ThreadReply, ThreadTask } from "./stage-thread-messages.ts";
import { stageThreadBundle } from "./thread-bundle.ts";

export interface StagePoolOptions {
  /** One entry per thread: the stages it runs (thread-groups.ts). */
  groups: readonly (readonly string[])[];
  timeLimitMs: number;
  budgets: StageBudgets;
  logConfig: Pick<Config, "LOG_LEVEL" | "LOG_FORMAT">;
  log: Logger;
}

interface Task extends ThreadTask {
  /** Told the milliseconds the stage's function ran in the thread. */
  onWork?: (ms: number) => void;
  resolve(outputs: unknown[]): void;
  reject(error: Error): void;
}

interface Slot {
  /** Index into the groups: the stages this thread runs. */
  group: number;
  worker: Worker;
  ready: boolean;
  /** Settles when the thread has loaded its models, or could not. */
  loaded: Promise<void>;
  settleLoaded(error?: Error): void;
  task?: Task;
  timer?: NodeJS.Timeout;
}

/**
 * What a thread runs first (an eval'd script, so CommonJS): it waits for the
 * URL of the stage threads' bundle (thread-bundle.ts), which may still be
 * being built when the thread starts, and imports it; stack traces then
 * name the TypeScript sources through the bundle's source map.
 */
const BOOTSTRAP = `process.setSourceMapsEnabled(true);
require("node:worker_threads").parentPort.once("message", (entry) => import(entry));`;

/**
 * The young generation of a stage thread, in MB (V8 lets it grow to about 32 on
 * 64-bit machines). A stage's garbage is short-lived (one document's
 * strings and arrays), so the smaller nursery is collected more often for
 * the same CPU: a workers process peaked ~50 MB lower on the bench at 12 MB
 * than at V8's default, and at 6 MB 299 MB on average against 306 MB at 12
 * over 1,000 files (four alternating pairs of runs; CPU 9.79 against 9.67 ms
 * per document, within the runs' spread).
 */
const YOUNG_GENERATION_MB = 6;

/** An error rebuilt on this side from what the thread reported, with the same policy. */
function rebuilt(policy: ErrorPolicy, name: string, reason: string): Error {
  if (name === "BudgetExceededError") return new BudgetExceededError(reason);
  if (policy === "permanent") return new PermanentError(reason);
  if (policy === "critical") return new CriticalError(reason);
  return new RetryableError(reason);
}

/** Runs stage functions in worker threads, each job within the time limit. */
export class StagePool {
  private readonly slots = new Set<Slot>();
  private readonly waiting: Task[] = [];
  private nextId = 1;
  private closed = false;
  /** Set when a thread failed before it was ready: the next would too. */
  private broken: Error | undefined;

  constructor(private readonly options: StagePoolOptions) {}

  /**
   * Runs `stage` on `input` in a thread; rejects with the stage's error, or a
   * BudgetExceededError past the time limit. `onWork` is told how long the
   * stage's function ran there, the wait for a free thread left out.
   */
  run(stage: string, input: unknown, onWork?: (ms: number) => void): Promise<unknown[]> {
    if (this.closed) return Promise.reject(new RetryableError("the stage pool is closed"));
    if (this.broken) return Promise.reject(this.broken);
    return new Promise((resolve, reject) => {
      this.waiting.push({
        id: this.nextId++,
        stage,
        input,
        ...(onWork ? { onWork } : {}),
        resolve,
        reject,
      });
      this.dispatch();
    });
  }

  /**
   * Starts every thread now, so that models are loaded before the first job
   * rather than on its clock (a workers process lives for hours; its first
   * documents should not wait seconds for a model). Resolves when they are ready.
   */
  warm(): Promise<void> {
    if (this.broken) return Promise.reject(this.broken);
    this.options.groups.forEach((_, group) => {
      if (!this.closed && !this.broken && !this.hasSlot(group)) this.spawn(group);
    });
    return Promise.all([...this.slots].map((slot) => slot.loaded)).then(() => undefined);
  }

  /** Stops every thread; jobs still waiting are handed back to be retried. */
  async close(): Promise<void> {
    this.closed = true;
    for (const task of this.waiting.splice(0)) task.reject(new RetryableError("shutting down"));
    await Promise.all([...this.slots].map((slot) => this.retire(slot)));
  }

  private runsStage(group: number, stage: string): boolean {
    return this.options.groups[group]?.includes(stage) ?? false;
  }

  private hasSlot(group: number): boolean {
    return [...this.slots].some((slot) => slot.group === group);
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (this.waiting.length === 0) return;
      if (slot.ready && !slot.task) this.assign(slot);
    }
    // A group with work waiting and no thread (not started yet, or stopped): start one.
    this.options.groups.forEach((_, group) => {
      if (this.hasSlot(group)) return;
      if (this.waiting.some((task) => this.runsStage(group, task.stage))) this.spawn(group);
    });
    // A stage no group runs would wait for ever: fail it now.
    for (const task of [...this.waiting]) {
      if (this.options.groups.some((_, group) => this.runsStage(group, task.stage))) continue;
      this.waiting.splice(this.waiting.indexOf(task), 1);
      task.reject(new CriticalError(`no stage thread runs ${task.stage}`));
    }
  }

  private assign(slot: Slot): void {
    const index = this.waiting.findIndex((waiting) => this.runsStage(slot.group, waiting.stage));
    const [task] = index < 0 ? [] : this.waiting.splice(index, 1);
    if (!task) return;
    slot.task = task;
    // The clock starts when a thread takes the job, not while it waits for one.
    slot.timer = setTimeout(() => this.overtime(slot, task), this.options.timeLimitMs);
    slot.worker.postMessage({ id: task.id, stage: task.stage, input: task.input });
  }

  private overtime(slot: Slot, task: Task): void {
    if (slot.task !== task) return;
    this.options.log.warn({ stage: task.stage }, "stage over its time limit: stopping its thread");
    this.finish(slot)?.reject(
      new BudgetExceededError(
        `${task.stage}: still running after ${this.options.timeLimitMs} ms, over the time limit (STAGE_TIME_LIMIT_MS); stopped`,
      ),
    );
    void this.retire(slot);
    this.dispatch();
  }

  /** Clears the slot's task and timer; returns the task it held. */
  private finish(slot: Slot): Task | undefined {
    const task = slot.task;
    clearTimeout(slot.timer);
    slot.task = undefined;
    slot.timer = undefined;
    return task;
  }

  private spawn(group: number): void {
    const data: StageThreadData = {
      budgets: this.options.budgets,
      log: this.options.logConfig,
      stages: [...(this.options.groups[group] ?? [])],
    };
    const worker = new Worker(BOOTSTRAP, {
      eval: true,
      workerData: data,
      resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
    });
    let settle: (error?: Error) => void = () => undefined;
    const loaded = new Promise<void>((resolve, reject) => {
      settle = (error) => (error ? reject(error) : resolve());
    });
    // Only warm() awaits it; a thread started on demand must not leave a rejection unhandled.
    loaded.catch(() => undefined);
    const slot: Slot = { group, worker, ready: false, loaded, settleLoaded: settle };
    this.slots.add(slot);
    worker.on("message", (reply: ThreadReply) => this.onReply(slot, reply));
    // An error the thread did not catch (out of memory, a crash while loading) ends it.
    worker.on("error", (error: Error & { code?: string }) => this.onThreadError(slot, error));
    worker.on("exit", () => {
      // Stopped before it was ready (the pool closing): nothing left to wait for.
      settle();
      this.slots.delete(slot);
      this.finish(slot)?.reject(new RetryableError("stage thread exited mid-job"));
      if (!this.closed && !this.broken) this.dispatch();
    });
    stageThreadBundle().then(
      (entry) => worker.postMessage(entry),
      (error: unknown) => {
        this.onThreadError(
          slot,
          new Error(`cannot bundle the stage threads' code: ${errorMessage(error)}`),
        );
        void worker.terminate();
      },
    );
  }

  private onThreadError(slot: Slot, error: Error & { code?: string }): void {
    this.options.log.error({ err: error }, "stage thread failed");
    const failure =
      error.code === "ERR_WORKER_OUT_OF_MEMORY"
        ? new BudgetExceededError(`stage thread ran out of memory: ${error.message}`)
        : new RetryableError(`stage thread failed: ${error.message}`);
    this.finish(slot)?.reject(failure);
    if (!slot.ready) {
      // A thread that cannot even load (a missing module): every other would fail alike.
      this.broken = new CriticalError(`stage threads cannot start: ${error.message}`);
      for (const task of this.waiting.splice(0)) task.reject(this.broken);
      slot.settleLoaded(this.broken);
    }
  }

  private onReply(slot: Slot, reply: ThreadReply): void {
    if (reply.type === "ready") {
      slot.ready = true;
      slot.settleLoaded();
      this.dispatch();
      return;
    }
    const task = slot.task;
    if (!task || task.id !== reply.id) return;
    this.finish(slot);
    if (reply.type === "done") {
      task.onWork?.(reply.ms);
      task.resolve(reply.outputs);
    } else task.reject(rebuilt(reply.policy, reply.name, reply.reason));
    this.dispatch();
  }

  private async retire(slot: Slot): Promise<void> {
    this.slots.delete(slot);
    this.finish(slot);
    await slot.worker.terminate();
  }
}
