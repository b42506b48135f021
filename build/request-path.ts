/**
 * The request-path check and the loopback listening of the development servers (the demo,
 * demo/serve.ts, and the Excel dev server, excel-addin/serve.ts): one place, so neither can
 * be crashed, walked out of or reached from another machine.
 */
import type { Server } from "http";
import type { AddressInfo } from "net";
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


/**
 * Listens on 127.0.0.1:`port` (0 = a free port) only, answering a malformed request line or
 * header with 400 instead of an error event; resolves with the port actually used and a close.
 */
export function listenOnLoopback(server: Server, port: number): Promise<{ port: number; close(): Promise<void> }> {
  server.on("clientError", (_err, socket) => {
    if (socket.writable) socket.end("HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n");
    else socket.destroy();
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      resolve({ port: (server.address() as AddressInfo).port, close: () => new Promise<void>((done) => server.close(() => done())) });
    });
  });
}
