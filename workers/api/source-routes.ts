/** `/sources`: register (and schedule, and enqueue), list, show, remove; `/schedules`. */
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { ENTRY_STAGE } from "../../pipelines/pipeline.ts";
import { sourceIdFor } from "../../shared/ids.ts";
import type { QueueSet } from "../runtime/queue-set.ts";
import { listSchedules } from "../sources/schedules.ts";
import { type SourceService, sourceInputSchema } from "../sources/source-service.ts";

const idParamsSchema = z.object({ id: z.string().min(1).max(200) });

export class NotFoundError extends Error {
  override name = "NotFoundError";
}

export function sourceRoutes(app: FastifyInstance, service: SourceService, queues: QueueSet): void {
  app.post("/sources", async (request, reply) => {
    const input = sourceInputSchema.parse(request.body);
    const added = await service.add(
      {
        id: sourceIdFor(input.uri),
        uri: input.uri,
        ...(input.name ? { name: input.name } : {}),
        ...(input.publisher ? { publisher: input.publisher } : {}),
      },
      {
        ...(input.schedule ? { schedule: input.schedule } : {}),
        ...(input.tz ? { tz: input.tz } : {}),
      },
    );
    return reply.code(201).send(added);
  });

  app.get("/sources", async () => ({ sources: await service.list() }));

  app.get("/schedules", async () => ({ schedules: await listSchedules(queues[ENTRY_STAGE]) }));

  app.get("/sources/:id", async (request) => {
    const { id } = idParamsSchema.parse(request.params);
    const source = await service.get(id);
    if (!source) throw new NotFoundError(`no source ${JSON.stringify(id)}`);
    return source;
  });

  app.delete("/sources/:id", async (request) => {
    const { id } = idParamsSchema.parse(request.params);
    if (!(await service.remove(id))) throw new NotFoundError(`no source ${JSON.stringify(id)}`);
    return { removed: id };
  });
}
