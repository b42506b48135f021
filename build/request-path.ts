/**
 * The request-path check of the development servers (the demo, demo/serve.ts, and the Excel
 * dev server, excel-addin/serve.ts): one place, so neither can be crashed or walked out of.
 */
import * as path from "path";

/** The longest request path served; anything longer is no file of either server. */
const MAX_PATH = 2048;

/**
 * The file a request path names inside `root`, or the HTTP status refusing it: 400 for a
 * path that does not decode or holds a NUL or another control character (`/index.html%00.png`,
 * `/%`), 414 for a very long one, 404 for one that would leave root (`/../../etc/passwd`).
 */
export function fileForRequest(root: string, url: string | undefined, index: string): string | 400 | 404 | 414 {
  const raw = url ?? "/";
  if (raw.length > MAX_PATH) return 414;
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(raw, "http://localhost").pathname);
  } catch {
    return 400;
  }
  if (/[\u0000-\u001f\u007f]/.test(pathname)) return 400;
  const file = path.resolve(root, "." + (pathname.endsWith("/") ? pathname + index : pathname));
  return file === root || file.startsWith(root + path.sep) ? file : 404;
}

