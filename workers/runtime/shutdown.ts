/**
 * Graceful shutdown on SIGINT/SIGTERM: the cleanup runs once (workers drain
 * the jobs they hold); a second signal exits at once.
 */
import type { Logger } from "../../shared/logger.ts";

export function onShutdown(log: Logger, cleanup: () => Promise<void>): () => Promise<void> {
  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= cleanup();
    return closing;
  };
  const onSignal = (signal: NodeJS.Signals) => {
    if (closing) {
      log.warn({ signal }, "second signal: exiting without waiting");
      process.exit(130);
    }
    log.info({ signal }, "shutting down: finishing jobs in hand");
    close().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error({ err: error }, "shutdown failed");
        process.exit(1);
      },
    );
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  return async () => {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    await close();
  };
}
