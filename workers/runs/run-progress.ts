/** A progress bar in a terminal, plain log lines otherwise. */
import cliProgress from "cli-progress";
import type { Logger } from "../../shared/logger.ts";

export interface Progress {
  tick(label: string): void;
  stop(): void;
}

export function createProgress(total: number, log: Logger, what = "sources"): Progress {
  if (!process.stderr.isTTY) {
    let done = 0;
    return {
      tick(label) {
        done += 1;
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
