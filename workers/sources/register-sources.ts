/**
 * Registers the sources of `lodestone enqueue` (a folder can hold thousands of
 * files), with a progress bar in a terminal and log lines otherwise.
 */
import type { SourceRef } from "../../shared/document.ts";
import type { Logger } from "../../shared/logger.ts";
import { createProgress } from "../runs/run-progress.ts";
import type { SourceService } from "./source-service.ts";

export async function registerSources(
  service: SourceService,
  sources: SourceRef[],
  options: { schedule?: string; tz?: string },
  log: Logger,
): Promise<void> {
  const progress = createProgress(sources.length, log, "registered");
  try {
    for (const source of sources) {
      // A source that already has a schedule keeps it unless a new one is given.
      await service.add(source, { ...options, keepSchedule: true, enqueue: false });
      progress.tick(source.id);
    }
  } finally {
    progress.stop();
  }
}
