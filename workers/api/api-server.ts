/**
 * The operator HTTP API (fastify): sources, jobs, health, readiness,
 * Prometheus metrics and the bull-board queue view, all but /health behind
 * the API key (bearer token; Basic for the queue view in a browser). Errors are JSON `{ error }` with a status that says whose
 * fault it was: 400 a bad request, 401 no key, 404 nothing there.
 */
import Fastify, { type FastifyInstance } from "fastify";
import { ZodError } from "zod";
import { errorMessage } from "../../shared/errors.ts";
import type { Logger } from "../../shared/logger.ts";
import type { DeadLetters } from "../indexing/dead-letters.ts";
import { ScheduleError } from "../sources/schedules.ts";
import type { SourceService } from "../sources/source-service.ts";
import { apiKeyAuth } from "./bearer-auth.ts";
import { failedRoutes } from "./failed-routes.ts";
import { type OpsDeps, opsRoutes } from "./ops-routes.ts";
import { mountQueueBoard, QUEUE_BOARD_PATH } from "./queue-board.ts";
import { NotFoundError, sourceRoutes } from "./source-routes.ts";

export interface ApiDeps extends OpsDeps {
  apiKey: string;
  service: SourceService;
  deadLetters: DeadLetters;
  log: Logger;
}

function zodMessage(error: ZodError): string {
  return error.issues
    .map((issue) =>
      issue.path.length ? `${issue.path.join(".")}: ${issue.message}` : issue.message,
    )
    .join("; ");
}

function statusOf(error: unknown): number {
  if (error instanceof ZodError || error instanceof ScheduleError) return 400;
  if (error instanceof NotFoundError) return 404;
  if (typeof error === "object" && error !== null && "statusCode" in error) {
    const code = Number(error.statusCode);
    if (code >= 400 && code < 600) return code;
  }
  return 500;
}

export async function buildApi(deps: ApiDeps): Promise<FastifyInstance> {
  const app = Fastify({ logger: false, bodyLimit: 64 * 1024 });
  // Added before any route or plugin, so every one of them (bull-board's too) inherits it.
  app.addHook("onRequest", apiKeyAuth(deps.apiKey, QUEUE_BOARD_PATH));
  app.setErrorHandler(async (error, request, reply) => {
    const status = statusOf(error);
    if (status >= 500) deps.log.error({ err: error, url: request.url }, "API request failed");
    const message = error instanceof ZodError ? zodMessage(error) : errorMessage(error);
    return reply.code(status).send({ error: message });
  });
  app.setNotFoundHandler(async (request, reply) =>
    reply.code(404).send({ error: `no route ${request.method} ${request.url.split("?")[0]}` }),
  );
  opsRoutes(app, deps);
  sourceRoutes(app, deps.service, deps.queues);
  failedRoutes(app, deps.queues, deps.deadLetters);
  await mountQueueBoard(app, deps.queues);
  return app;
}
