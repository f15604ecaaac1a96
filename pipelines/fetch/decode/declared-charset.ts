/**
 * Where a document says what its charset is, in the order browsers trust it:
 * the HTTP Content-Type header, then <meta charset> / http-equiv, then an XML
 * declaration. Markup is scanned in the first bytes only (the HTML standard's
 * prescan looks at 1024 bytes; we allow more for pages with long <head>s).
 */

const prescanBytes = 4096;

export interface DeclaredCharset {
  label: string;
  from: "content-type" | "meta" | "xml-declaration";
}

function charsetParam(value: string): string | null {
  const m = /charset\s*=\s*["']?([\w.:-]+)/i.exec(value);
  return m?.[1] ?? null;
}

/** Latin-1 view of the head: charset labels are ASCII, whatever the real encoding. */
function asciiHead(bytes: Uint8Array): string {
  return Buffer.from(bytes.subarray(0, prescanBytes)).toString("latin1");
}

export function declaredCharset(bytes: Uint8Array, contentType?: string): DeclaredCharset | null {
  if (contentType) {
    const label = charsetParam(contentType);
    if (label) return { label, from: "content-type" };
  }
  const head = asciiHead(bytes);
  const meta = /<meta\s[^>]*?charset\s*=\s*["']?([\w.:-]+)/i.exec(head);
  if (meta?.[1]) return { label: meta[1], from: "meta" };
  const xml = /^\s*<\?xml\s[^>]*?encoding\s*=\s*["']([\w.:-]+)["']/i.exec(head);
  if (xml?.[1]) return { label: xml[1], from: "xml-declaration" };
  return null;
}

/**
 * The language a document says it is in: the HTTP Content-Language header
 * (its first tag), else the lang or xml:lang attribute of <html>, in the
 * same first bytes as the charset prescan.
 */
export function declaredLanguage(bytes: Uint8Array, contentLanguage?: string): string | null {
  const header = contentLanguage?.split(",")[0]?.trim();
  if (header) return header;
  const html =
    /<html\s[^>]*?\b(?:xml:)?lang\s*=\s*["']?([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*)/i.exec(
      asciiHead(bytes),
    );
  return html?.[1] ?? null;
}
