/**
 * A progress bar in a terminal; otherwise a log line now and then (every
 * tenth of the way, at most one per LOG_EVERY_MS), not one per item.
 */
import cliProgress from "cli-progress";
import type { Logger } from "../../shared/logger.ts";

export interface Progress {
  tick(label: string): void;
  stop(): void;
}

const LOG_EVERY_MS = 5_000;

/** A progress display for `total` items. */
export function createProgress(total: number, log: Logger, what = "sources"): Progress {
  if (!process.stderr.isTTY) {
    let done = 0;
    let logged = 0;
    let loggedAt = Date.now();
    return {
      tick(label) {
        done += 1;
        const due =
          done - logged >= Math.max(1, total / 10) || Date.now() - loggedAt >= LOG_EVERY_MS;
        if (!due && done < total) return;
        logged = done;
        loggedAt = Date.now();
        log.info({ done, total }, `${what}: ${done}/${total} (${label})`);
      },
      stop() {},
    };
  }
  const bar = new cliProgress.SingleBar(
    { format: `${what} [{bar}] {value}/{total} {label}`, stream: process.stderr, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0, { label: "" });
  return {
    tick(label) {
      bar.increment({ label });
    },
    stop() {
      bar.stop();
    },
  };
}
