/**
 * Serves dist/excel over https on port 3000 for sideloading manifest.xml in Excel.
 *
 *   npm run build && npx tsx excel-addin/serve.ts      (optional: PORT=3000)
 *
 * office-addin-dev-certs creates and trusts a localhost development certificate the
 * first time (it may ask for permission). Not used by the tests or the build.
 */
import * as fs from "fs";
import * as https from "https";
import * as path from "path";
import { getHttpsServerOptions } from "office-addin-dev-certs";

const ROOT = path.resolve(__dirname, "..", "dist", "excel");
const PORT = Number(process.env.PORT ?? 3000);

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".png": "image/png",
  ".xml": "application/xml; charset=utf-8",
};

/** The file for a request path, or null when it would leave ROOT. */
function fileFor(urlPath: string): string | null {
  let rel: string;
  try {
    rel = decodeURIComponent(urlPath.split("?")[0]);
  } catch {
    return null;
  }
  const file = path.resolve(ROOT, "." + (rel.endsWith("/") ? rel + "taskpane.html" : rel));
  return file === ROOT || file.startsWith(ROOT + path.sep) ? file : null;
}

async function main(): Promise<void> {
  if (!fs.existsSync(path.join(ROOT, "taskpane.html"))) {
    console.error(`Geen build gevonden in ${ROOT}. Voer eerst "npm run build" uit.`);
    process.exit(1);
  }
  const options = await getHttpsServerOptions();
  https
    .createServer(options, (req, res) => {
      const file = fileFor(req.url ?? "/");
      if (!file || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
        res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" });
        res.end("Niet gevonden");
        return;
      }
      res.writeHead(200, {
        "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream",
        "Access-Control-Allow-Origin": "*",
        "Cache-Control": "no-store",
      });
      fs.createReadStream(file).pipe(res);
    })
    .listen(PORT, () => console.log(`IKK-normen: https://localhost:${PORT}/taskpane.html (map ${ROOT})`));
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
