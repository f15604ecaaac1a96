/**
 * A folder as a source (`lodestone enqueue <folder> --schedule …`): each run
 * lists the folder afresh and hands every supported file to the fetch queue
 * as a source of its own (same ids as when the files are enqueued one by one),
 * so a scheduled folder picks up files added since, and each file is skipped
 * when unchanged like any other source.
 */
import { fetchRequestSchema } from "../../pipelines/fetch/fetch-types.ts";
import type { StageJobResult } from "../../shared/queues.ts";
import { enqueueSources, folderSources, isFolder } from "../runs/enqueue-sources.ts";
import type { QueueSet } from "./queue-set.ts";
import type { StageHandler } from "./stage-worker.ts";

export function expandFolders(
  fetch: StageHandler<StageJobResult>,
  queues: QueueSet,
): StageHandler<StageJobResult> {
  return {
    ...fetch,
    async handle(payload, runId, ctx) {
      const request = fetchRequestSchema.safeParse(payload);
      if (!request.success || !(await isFolder(request.data.source.uri)))
        return fetch.handle(payload, runId, ctx);
      const files = await folderSources(request.data.source.uri);
      // Deterministic job ids: a retry of this job adds nothing twice.
      const jobs = await enqueueSources(queues, files, runId);
      ctx.log.info({ folder: request.data.source.uri, files: jobs.length }, "folder listed");
      return {
        next: jobs.map((job) => ({
          queue: "fetch" as const,
          jobId: job.jobId,
          docId: job.source.id,
        })),
      };
    },
  };
}
