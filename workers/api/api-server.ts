/**
 * The operator HTTP API (fastify): sources, jobs, health, readiness,
 * Prometheus metrics and the bull-board queue view, all but /health behind
 * the API key (bearer token; Basic for the queue view in a browser). Errors are JSON `{ error }` with a status that says whose
 * fault it was: 400 a bad request, 401 no key, 404 nothing there.
 */
import { STATUS_CODES } from "node:http";
import type { Socket } from "node:net";
import Fastify, {
  type FastifyError,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
} from "fastify";
import { ZodError } from "zod";
import { errorMessage } from "../../shared/errors.ts";
import type { Logger } from "../../shared/logger.ts";
import type { DeadLetters } from "../indexing/dead-letters.ts";
import { ScheduleError } from "../sources/schedules.ts";
import { LimitError, type SourceService } from "../sources/source-service.ts";
import { apiKeyAuth } from "./bearer-auth.ts";
import { failedRoutes } from "./failed-routes.ts";
import { type OpsDeps, opsRoutes } from "./ops-routes.ts";
import { mountQueueBoard, QUEUE_BOARD_PATH, readOnlyQueueBoard } from "./queue-board.ts";
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
  if (error instanceof LimitError) return 409;
  if (typeof error === "object" && error !== null && "statusCode" in error) {
    const code = Number(error.statusCode);
    if (code >= 400 && code < 600) return code;
  }
  return 500;
}

/**
 * Errors Node's HTTP parser raises before fastify sees a request (headers
 * too large, a malformed request line), answered in the API's `{ error }` shape.
 */
function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === "ECONNRESET" || socket.destroyed || !socket.writable) return;
  const status =
    error.code === "HPE_HEADER_OVERFLOW"
      ? 431
      : error.code === "ERR_HTTP_REQUEST_TIMEOUT"
        ? 408
        : 400;
  const body = JSON.stringify({ error: `${STATUS_CODES[status]}: ${error.code ?? error.message}` });
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nConnection: close\r\n` +
      `Content-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

/** Errors fastify raises before routing (a path parameter too long: 414, a bad URL), in the same shape. */
function frameworkErrors(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  const status = statusOf(error);
  void reply.code(status >= 500 ? 400 : status).send({ error: error.message });
}

/** The API's fastify app with every route, the queue view and the one error shape. */
export async function buildApi(deps: ApiDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: false,
    bodyLimit: 64 * 1024,
    clientErrorHandler,
    frameworkErrors,
  });
  // Added before any route or plugin, so every one of them (bull-board's too) inherits it.
  app.addHook("onRequest", apiKeyAuth(deps.apiKey, QUEUE_BOARD_PATH));
  app.addHook("onRequest", readOnlyQueueBoard(QUEUE_BOARD_PATH));
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
