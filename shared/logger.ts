/**
 * pino, JSON by default and pretty in a terminal. Job loggers are children
 * that carry queue, job id and document/source id on every line.
 */
import { type Logger, pino } from "pino";
import type { Config } from "./config.ts";
import { onFirstUse } from "./load-on-first-use.ts";

/**
 * pino-pretty loads only for a pretty logger: a workers process logs JSON,
 * and each of its stage threads would carry ~11 MB of a formatter it never
 * calls.
 */
const pinoPretty = onFirstUse<typeof import("pino-pretty")>("pino-pretty");

export type { Logger };

export function createLogger(
  config: Pick<Config, "LOG_LEVEL" | "LOG_FORMAT">,
  name = "lodestone",
): Logger {
  const pretty =
    config.LOG_FORMAT === "pretty" ||
    (config.LOG_FORMAT === "auto" && process.stderr.isTTY === true);
  // Logs go to stderr: stdout is reserved for command output (`lodestone process` prints JSON).
  if (pretty) {
    // In-process and synchronous, unlike a transport: lines stay in order with a progress bar.
    return pino(
      { name, level: config.LOG_LEVEL },
      pinoPretty().build({ destination: 2, sync: true, ignore: "pid,hostname" }),
    );
  }
  return pino({ name, level: config.LOG_LEVEL }, pino.destination(2));
}

export function jobLogger(
  log: Logger,
  fields: { queue: string; jobId: string | undefined; docId?: string; sourceId?: string },
): Logger {
  return log.child(fields);
}
