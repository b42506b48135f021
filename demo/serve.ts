/**
 * A tiny static file server for the built demo (dist/demo) on 127.0.0.1. Used by
 * `npm start` and by the browser test.
 *   npx tsx demo/serve.ts [port]     (else the PORT environment variable, else 8080)
 */
import * as http from "http";
import * as fs from "fs";
import * as path from "path";
import { fileForRequest, listenOnLoopback } from "../build/request-path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
};

export const DEMO_DIR = path.resolve(__dirname, "..", "dist", "demo");

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/** Serve `dir` on 127.0.0.1:`port` (0 = a free port). Only regular files inside dir are served; no request path can crash it. */
export function serveStatic(dir: string, port = 0): Promise<StaticServer> {
  const root = path.resolve(dir);
  const refuse = (res: http.ServerResponse, status: number) => {
    if (!res.headersSent) res.writeHead(status, { "Content-Type": "text/plain; charset=utf-8" });
    res.end(status === 404 ? "Niet gevonden" : "Ongeldig verzoek");
  };
  const server = http.createServer((req, res) => {
    try {
      if (req.method !== "GET" && req.method !== "HEAD") {
        res.writeHead(405).end();
        return;
      }
      const file = fileForRequest(root, req.url, "index.html");
      if (typeof file === "number") {
        refuse(res, file);
        return;
      }
      fs.stat(file, (statErr, st) => {
        if (statErr || !st.isFile()) {
          refuse(res, 404);
          return;
        }
        fs.readFile(file, (err, data) => {
          if (err) {
            refuse(res, 404);
            return;
          }
          res.writeHead(200, {
            "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream",
            "X-Content-Type-Options": "nosniff",
            "Cache-Control": "no-store",
          });
          res.end(req.method === "HEAD" ? undefined : data);
        });
      });
    } catch {
      // Whatever a request holds, the server answers and keeps running.
      refuse(res, 400);
    }
  });
  return listenOnLoopback(server, port).then(({ port: actual, close }) => ({ url: `http://127.0.0.1:${actual}/`, close }));
}

export const DEFAULT_PORT = 8080;

/** The port from a command-line argument or PORT (blank or absent = 8080); throws a Dutch message when it is not 1–65535. */
export function portFrom(value: string | undefined): number {
  const text = (value ?? "").trim();
  if (text === "") return DEFAULT_PORT;
  const port = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`Ongeldige poort "${text}": geef een geheel getal van 1 tot en met 65535, bijvoorbeeld PORT=8080 npm start.`);
  }
  return port;
}

if (require.main === module) {
  let port: number;
  try {
    port = portFrom(process.argv[2] ?? process.env.PORT);
  } catch (e) {
    console.error((e as Error).message);
    process.exit(1);
  }
  if (!fs.existsSync(path.join(DEMO_DIR, "index.html"))) {
    console.error("dist/demo/index.html ontbreekt: bouw eerst met 'npm run build'.");
    process.exit(1);
  }
  serveStatic(DEMO_DIR, port).then(
    (s) => console.log(`Demo op ${s.url} (stoppen met Ctrl+C)`),
    (e: Error) => {
      console.error(`Kan de demo niet starten: ${e.message}`);
      process.exit(1);
    },
  );
}
