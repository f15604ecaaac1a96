/** What the stage pool and its threads say to each other: plain JSON, nothing else crosses. */
import type { ErrorPolicy } from "../../shared/errors.ts";

/** One stage function to run on one input. */
export interface ThreadTask {
  id: number;
  stage: string;
  input: unknown;
}

export type ThreadReply =
  | { type: "ready" }
  /** `ms`: the time the stage's function ran, on the thread's clock. */
  | { type: "done"; id: number; outputs: unknown[]; ms: number }
  | { type: "failed"; id: number; policy: ErrorPolicy; name: string; reason: string };
