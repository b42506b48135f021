/**
 * The demo server (`npm start`, demo/serve.ts) and the Excel dev server (excel-addin/serve.ts)
 * listen on 127.0.0.1 only and survive any request path (issue 11, item 8): a NUL in the path,
 * a broken escape, a path out of the root, a very long path, a malformed request line get
 * 400/404/414, and a normal request still works afterwards. Before, `/index.html%00.png` killed
 * the demo server. Each server runs on a free port over a temporary root.
 */
import * as fs from "fs";
import * as http from "http";
import * as net from "net";
import * as path from "path";
import { serveStatic } from "../demo/serve";
import { serveExcel } from "../excel-addin/serve";
import { makeTempDir } from "./helpers/xlsx";

let dir: string;
beforeAll(() => {
  dir = makeTempDir("serve");
  fs.writeFileSync(path.join(dir, "index.html"), "<p>demo</p>");
  fs.writeFileSync(path.join(dir, "taskpane.html"), "<p>paneel</p>");
  fs.mkdirSync(path.join(dir, "map"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** GET with the raw path as given (http.get would normalise nothing, but keep it explicit). */
function get(base: string, rawPath: string): Promise<{ status: number; body: string }> {
  const u = new URL(base);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: u.hostname, port: u.port, method: "GET", path: rawPath }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.setTimeout(5_000, () => req.destroy(new Error("timeout")));
    req.end();
  });
}

/** A raw request line over TCP; resolves with the status line of the answer. */
function rawRequest(base: string, text: string): Promise<string> {
  const u = new URL(base);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(u.port), u.hostname, () => socket.end(text));
    let data = "";
    socket.on("data", (c) => (data += c.toString("latin1")));
    socket.on("close", () => resolve(data.split("\r\n")[0]));
    socket.on("error", reject);
    socket.setTimeout(5_000, () => socket.destroy(new Error("timeout")));
  });
}

const HOSTILE: Array<[path: string, status: number[]]> = [
  ["/index.html%00.png", [400]],
  ["/%00", [400]],
  ["/%", [400]],
  ["/%E0%A4%A", [400]],
  ["/../../etc/passwd", [404, 403]],
  ["/%2e%2e/%2e%2e/etc/passwd", [404, 403]],
  ["/..%2f..%2fetc%2fpasswd", [404, 403]],
  ["/map", [404]],
  ["/map/", [404]],
  ["/" + "a".repeat(100_000), [400, 414, 431]],
  ["/" + "a/".repeat(3000), [414]],
  ["/%0d%0aSet-Cookie:%20x=1", [400]],
  ["/bestaat-niet.js", [404]],
];

describe.each([
  ["demo", () => serveStatic(dir, 0), "/", "demo"],
  ["excel", () => serveExcel(dir, 0), "/taskpane.html", "paneel"],
] as const)("%s server", (_name, start, page, text) => {
  let server: { url: string; close(): Promise<void> };
  beforeAll(async () => {
    server = await start();
  });
  afterAll(() => server.close());

  test("listens on 127.0.0.1 only", () => {
    expect(new URL(server.url).hostname).toBe("127.0.0.1");
  });

  test.each(HOSTILE.map(([p, s]) => [p.length > 60 ? p.slice(0, 40) + `… (${p.length} tekens)` : p, p, s] as const))(
    "%s: refused, and the server keeps serving",
    async (_shown, p, statuses) => {
      const r = await get(server.url, p);
      expect(statuses).toContain(r.status);
      expect(r.body).not.toContain("root:");
      const ok = await get(server.url, page);
      expect(ok.status).toBe(200);
      expect(ok.body).toContain(text);
    },
  );

  test("a malformed request line gets 400 and the server keeps serving", async () => {
    expect(await rawRequest(server.url, "GET /\u0000 HTTP/1.1\r\nHost: x\r\n\r\n")).toMatch(/^HTTP\/1\.1 400/);
    expect(await rawRequest(server.url, "NONSENSE\r\n\r\n")).toMatch(/^HTTP\/1\.1 400/);
    expect((await get(server.url, page)).status).toBe(200);
  });
});
