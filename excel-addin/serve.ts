/**
 * Serves dist/excel over https on port 3000 for sideloading manifest.xml in Excel.
 *
 *   npm run build && npx tsx excel-addin/serve.ts      (optional: PORT=3000)
 *
 * office-addin-dev-certs creates and trusts a localhost development certificate the
 * first time (it may ask for permission). Listens on 127.0.0.1 only (the add-in is for this
 * computer); no request path can crash it (`/%`, `/taskpane.html%00.png`, `/../../etc/passwd`,
 * very long paths get 400, 404 or 414). Not used by the build.
 */
import * as fs from "fs";
import * as http from "http";
import * as https from "https";
import * as path from "path";
import { fileForRequest, listenOnLoopback } from "../build/request-path";

export const EXCEL_DIR = path.resolve(__dirname, "..", "dist", "excel");

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".png": "image/png",
  ".xml": "application/xml; charset=utf-8",
};

/** The request handler for files under `root` (taskpane.html for a folder). */
export function excelRequestHandler(root: string): http.RequestListener {
  const base = path.resolve(root);
  const refuse = (res: http.ServerResponse, status: number) => {
    if (!res.headersSent) res.writeHead(status, { "Content-Type": "text/plain; charset=utf-8" });
    res.end(status === 404 ? "Niet gevonden" : "Ongeldig verzoek");
  };
  return (req, res) => {
    try {
      const file = fileForRequest(base, req.url, "taskpane.html");
      if (typeof file === "number") {
        refuse(res, file);
        return;
      }
      fs.stat(file, (err, st) => {
        if (err || !st.isFile()) {
          refuse(res, 404);
          return;
        }
        const stream = fs.createReadStream(file);
        stream.on("error", () => (res.headersSent ? res.destroy() : refuse(res, 404)));
        stream.once("open", () => {
          res.writeHead(200, {
            "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream",
            "Access-Control-Allow-Origin": "*",
            "Cache-Control": "no-store",
          });
          stream.pipe(res);
        });
      });
    } catch {
      refuse(res, 400);
    }
  };
}

/**
 * Starts the server on 127.0.0.1:`port` (0 = a free port): https with `tls`, plain http
 * without (for tests). Resolves with the URL and a close function.
 */
export function serveExcel(root: string, port: number, tls?: https.ServerOptions): Promise<{ url: string; server: http.Server; close(): Promise<void> }> {
  const handler = excelRequestHandler(root);
  const server: http.Server = tls ? https.createServer(tls, handler) : http.createServer(handler);
  return listenOnLoopback(server, port).then(({ port: actual, close }) => ({ url: `${tls ? "https" : "http"}://127.0.0.1:${actual}/`, server, close }));
}

async function main(): Promise<void> {
  if (!fs.existsSync(path.join(EXCEL_DIR, "taskpane.html"))) {
    console.error(`Geen build gevonden in ${EXCEL_DIR}. Voer eerst "npm run build" uit.`);
    process.exit(1);
  }
  const port = Number(process.env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    console.error(`Ongeldige poort '${process.env.PORT}': geef een getal van 1 tot en met 65535.`);
    process.exit(1);
  }
  // Loaded here: the tests start the server without certificates.
  const { getHttpsServerOptions } = await import("office-addin-dev-certs");
  const options = await getHttpsServerOptions();
  await serveExcel(EXCEL_DIR, port, options);
  console.log(`IKK-normen: https://localhost:${port}/taskpane.html (alleen op deze computer, 127.0.0.1; map ${EXCEL_DIR})`);
}

if (require.main === module) {
  main().catch((e) => {
    console.error(`Kan de server niet starten: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  });
}
