/** Media type from a Content-Type header or, for files, from the extension. */
const BY_EXTENSION: Record<string, string> = {
  html: "text/html",
  htm: "text/html",
  xhtml: "text/html",
  txt: "text/plain",
  md: "text/plain",
  text: "text/plain",
};

export const SUPPORTED_EXTENSIONS = Object.keys(BY_EXTENSION);

/** The media type of a local file, from its extension. */
export function mediaTypeOfFile(path: string): string {
  const ext = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase() ?? "";
  return BY_EXTENSION[ext] ?? "text/plain";
}

/** The media type of a Content-Type header, without its parameters. */
export function mediaTypeOfHeader(contentType: string | null): string {
  const type = contentType?.split(";")[0]?.trim().toLowerCase();
  if (!type) return "text/plain";
  if (type === "application/xhtml+xml") return "text/html";
  return type;
}
