/** The media types fetch accepts: those the decode and normalize stages understand. */
export const ACCEPTED_MEDIA_TYPES = [
  "text/html",
  "application/xhtml+xml",
  "text/plain",
  "text/markdown",
] as const;

/** The `Accept` header matching the list, so servers with a choice send one of them. */
export const ACCEPT_HEADER = "text/html,application/xhtml+xml,text/plain;q=0.9,text/markdown;q=0.8";

/**
 * Why a response of this declared type is refused, or undefined when it is
 * accepted. A response with no Content-Type passes: the decoder sniffs it.
 */
export function contentTypeRefusal(contentType: string | null, url: string): string | undefined {
  const type = contentType?.split(";")[0]?.trim().toLowerCase();
  if (!type || (ACCEPTED_MEDIA_TYPES as readonly string[]).includes(type)) return undefined;
  return `refused: ${url} is ${type}, not one of the accepted content types (${ACCEPTED_MEDIA_TYPES.join(", ")})`;
}
