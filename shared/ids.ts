/** Stable identities: the same source always yields the same ids. */
import { createHash } from "node:crypto";

export function sha256Hex(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

function slug(text: string): string {
  return text
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40);
}

/** A readable, stable source id: a slug of the last path segment and a hash of the whole uri. */
export function sourceIdFor(uri: string): string {
  const last =
    uri
      .replace(/[?#].*$/, "")
      .split("/")
      .filter(Boolean)
      .pop() ?? "source";
  const base = slug(last.replace(/\.[a-z0-9]+$/i, "")) || "source";
  return `${base}-${sha256Hex(uri).slice(0, 10)}`;
}

/** BullMQ job ids may not contain ":"; document ids never do, but uris might. */
export function jobIdPart(text: string): string {
  return text.replace(/:/g, "_");
}
