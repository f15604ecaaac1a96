/**
 * What an operator may enqueue, checked before anything is registered, with
 * the same rules the fetch stage applies again when it reads: local paths
 * under FILE_SOURCE_ROOTS, http(s) URLs without credentials in them.
 */
import { PermanentError } from "../../shared/errors.ts";
import { isHttpUri } from "./fetch-types.ts";
import { realPathInRoots } from "./file-roots.ts";

/** An http(s) URL with a user name or password in it. */
export function hasCredentials(uri: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*@/i.test(uri);
}

/** Refuses the list when one source lies outside the roots or carries credentials. */
export async function assertAdmissible(
  sources: ReadonlyArray<{ uri: string }>,
  roots: readonly string[],
): Promise<void> {
  for (const source of sources) {
    if (!isHttpUri(source.uri)) await realPathInRoots(source.uri, roots);
    else if (hasCredentials(source.uri)) {
      throw new PermanentError(
        "refused: a source URL carries credentials (user:password@); Lodestone keeps URLs in clear",
      );
    }
  }
}
