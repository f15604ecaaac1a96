/**
 * Import ndjson files through the Dashboards saved-objects API
 * (`POST /api/saved_objects/_import?overwrite=true`, multipart field `file`).
 * Dashboards rejects a write without the `osd-xsrf` header, and answers 200
 * with `success: false` and per-object errors when some objects fail.
 */
import { basename } from "node:path";
import { z } from "zod";
import { CriticalError, errorMessage } from "../../shared/errors.ts";

const importErrorSchema = z.looseObject({
  id: z.string(),
  type: z.string(),
  title: z.string().optional(),
  error: z.looseObject({ type: z.string(), references: z.array(z.unknown()).optional() }),
});

const importResponseSchema = z.looseObject({
  success: z.boolean(),
  successCount: z.number().int(),
  errors: z.array(importErrorSchema).optional(),
});

export interface ImportResult {
  file: string;
  objects: number;
  successCount: number;
  /** One readable line per object that failed, or for the whole file. */
  errors: string[];
}

export class DashboardsUnavailableError extends CriticalError {
  override name = "DashboardsUnavailableError";
}

function describeObjectError(error: z.infer<typeof importErrorSchema>): string {
  const what = `${error.type} ${error.id}${error.title ? ` ("${error.title}")` : ""}`;
  const refs = error.error.references?.length ? `: ${JSON.stringify(error.error.references)}` : "";
  return `${what}: ${error.error.type}${refs}`;
}

function causeCode(error: unknown): string {
  const cause = error instanceof Error ? error.cause : undefined;
  if (cause instanceof Error && "code" in cause && typeof cause.code === "string") {
    return cause.code;
  }
  return errorMessage(cause ?? error);
}

export async function importSavedObjects(
  baseUrl: string,
  file: { file: string; content: string; objects: readonly unknown[] },
  timeoutMs = 30_000,
): Promise<ImportResult> {
  const url = new URL("api/saved_objects/_import", baseUrl.endsWith("/") ? baseUrl : `${baseUrl}/`);
  url.searchParams.set("overwrite", "true");
  const form = new FormData();
  form.append(
    "file",
    new Blob([file.content], { type: "application/ndjson" }),
    basename(file.file),
  );
  let response: Response;
  try {
    response = await fetch(url, {
      method: "POST",
      headers: { "osd-xsrf": "true" },
      body: form,
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    throw new DashboardsUnavailableError(
      `OpenSearch Dashboards does not answer at ${baseUrl} (${causeCode(error)}); is it running? (--url or DASHBOARDS_URL)`,
    );
  }
  const text = await response.text();
  const base = { file: file.file, objects: file.objects.length };
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    return {
      ...base,
      successCount: 0,
      errors: [`HTTP ${response.status}: not JSON (${errorMessage(error)}): ${text.slice(0, 200)}`],
    };
  }
  const parsed = importResponseSchema.safeParse(body);
  if (!response.ok || !parsed.success) {
    // A 4xx/5xx carries { statusCode, error, message }; a 503 means Dashboards is still starting.
    const message =
      typeof body === "object" && body !== null && "message" in body
        ? String(body.message)
        : text.slice(0, 200);
    return { ...base, successCount: 0, errors: [`HTTP ${response.status}: ${message}`] };
  }
  const errors = (parsed.data.errors ?? []).map(describeObjectError);
  if (!parsed.data.success && errors.length === 0) errors.push("import reported no success");
  return { ...base, successCount: parsed.data.successCount, errors };
}
