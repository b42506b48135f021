/**
 * The built Excel task pane (dist/excel) in chromium, with office.js replaced by the
 * Office.js fake (test/helpers/office-fake-browser.ts, bundled here with webpack), for the
 * browser tests of the task pane. `useTaskpane()` opens it once per test file (beforeAll)
 * and closes it after (afterAll). Needs the Excel build first.
 *
 * Outside Excel: `useTaskpane({ office: "missing" })` serves no office.js at all (the request
 * fails, as offline), `{ office: "outside" }` an office.js stand-in whose Office.onReady gives
 * host null, as office.js does in a plain browser
 * (https://learn.microsoft.com/en-us/office/dev/add-ins/develop/initialize-add-in).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import webpack from "webpack";
import type { Browser, Page } from "playwright-core";
import { serveStatic, type StaticServer } from "../../demo/serve";
import { launchChromium } from "./browser";

const ROOT = path.join(__dirname, "..", "..");
const DIST = path.join(ROOT, "dist", "excel");

function bundleFake(): Promise<string> {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "office-fake-"));
  return new Promise((resolve, reject) =>
    webpack(
      {
        mode: "development",
        devtool: false,
        target: ["web", "es2019"],
        entry: path.join(__dirname, "office-fake-browser.ts"),
        output: { path: out, filename: "office.js" },
        resolve: { extensions: [".ts", ".js"] },
        module: {
          rules: [{ test: /\.ts$/, exclude: /node_modules/, use: { loader: "ts-loader", options: { transpileOnly: true, configFile: path.join(ROOT, "tsconfig.json"), compilerOptions: { module: "esnext" } } } }],
        },
      },
      (err, stats) => {
        if (err || stats?.hasErrors()) reject(err ?? new Error(stats?.toString("errors-only")));
        else resolve(fs.readFileSync(path.join(out, "office.js"), "utf8"));
      },
    ),
  );
}

export interface Taskpane {
  /** The page (set in beforeAll). */
  readonly page: Page;
  /** Script errors in the page. */
  readonly pageErrors: string[];
  /** Requests to anywhere but the local server (blocked). */
  readonly outside: string[];
  /** Evaluates fn against the fake in the page (`f` is the fake). */
  fake<T>(fn: string): Promise<T>;
  /** Waits until fn (run against the fake) gives the expected JSON, or fails with the last value. */
  until(fn: string, expected: unknown): Promise<void>;
}

/** office.js in a plain browser: Office.onReady calls back with host and platform null; no Excel, no CustomFunctions. */
const OFFICE_OUTSIDE_EXCEL = `window.Office = { onReady: function (cb) { var info = { host: null, platform: null }; return Promise.resolve().then(function () { if (cb) cb(info); return info; }); } };`;

export interface TaskpaneOptions {
  /** What answers the office.js request: the Office fake (default), nothing, or office.js outside Office. */
  office?: "fake" | "missing" | "outside";
  /** Test id to wait for before the tests run (default "check", the panel's button). */
  readyTestId?: string;
}

export function useTaskpane(options: TaskpaneOptions = {}): Taskpane {
  const office = options.office ?? "fake";
  let page: Page | undefined;
  let browser: Browser | undefined;
  let server: StaticServer | undefined;
  const pageErrors: string[] = [];
  const outside: string[] = [];
  const fake = <T>(fn: string): Promise<T> => page!.evaluate(`(() => { const f = window.__fake; return (${fn}); })()`) as Promise<T>;

  beforeAll(async () => {
    if (!fs.existsSync(path.join(DIST, "taskpane.html"))) throw new Error("dist/excel ontbreekt: bouw eerst de Excel-invoegtoepassing.");
    const fakeScript = office === "fake" ? await bundleFake() : office === "outside" ? OFFICE_OUTSIDE_EXCEL : "";
    server = await serveStatic(DIST);
    browser = await launchChromium();
    const p = (page = await browser.newPage());
    p.on("pageerror", (e) => pageErrors.push(e.message));
    await p.route("**/*", (route) => {
      const url = route.request().url();
      if (url.startsWith("https://appsforoffice.microsoft.com/lib/1/hosted/office.js")) {
        if (office === "missing") return route.abort();
        return route.fulfill({ contentType: "text/javascript", body: fakeScript });
      }
      if (url.startsWith(server!.url)) return route.continue();
      outside.push(url);
      return route.abort();
    });
    await p.goto(new URL("taskpane.html", server.url).href);
    await p.getByTestId(options.readyTestId ?? "check").waitFor({ timeout: 10_000 }).catch((e) => {
      throw new Error(`${e}\npage errors: ${pageErrors.join(" | ")}\nblocked: ${outside.join(" ")}`);
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  return {
    get page() {
      return page!;
    },
    pageErrors,
    outside,
    fake,
    async until(fn: string, expected: unknown): Promise<void> {
      let last: unknown;
      for (let i = 0; i < 100; i++) {
        last = await fake<unknown>(fn);
        if (JSON.stringify(last) === JSON.stringify(expected)) return;
        await new Promise((r) => setTimeout(r, 50));
      }
      expect(last).toEqual(expected);
    },
  };
}
