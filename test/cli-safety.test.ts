/**
 * The CLI on odd inputs and outputs (issue 11, items 3 and 4), through the built bin:
 * - only regular files are read: a FIFO (never opened), a device, a folder given as --map are
 *   refused at once with exit 2 and a Dutch line; a mapping file over 1 MB is refused before it
 *   is read, and a UTF-8 byte order mark is accepted;
 * - a closed stdout (`| head -c 10`, EPIPE) ends quietly with the check's own exit code; a full
 *   disk (/dev/full) exits 2 with a Dutch line; never a stack trace;
 * - exceljs's console output goes to stderr through the terminal-safe filter.
 * Every run has a timeout: before, a FIFO blocked forever and --map /dev/zero grew to 16 GB.
 */
import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { BIN, EXAMPLES, makeTempDir, rewriteXlsx, writeRawXlsx } from "./helpers/xlsx";

const PLAN = path.join(EXAMPLES, "plan-2026.xlsx");
let dir: string;
beforeAll(() => {
  if (!fs.existsSync(path.join(path.dirname(BIN), "..", "dist", "cli", "ikk-normen.js"))) throw new Error("run `npm run build` first");
  dir = makeTempDir("cli-safety");
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** The bin with a hard timeout: a hang fails the test instead of blocking it. */
function cli(args: string[], timeout = 15_000): Run {
  const t0 = Date.now();
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", timeout, killSignal: "SIGKILL" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, ms: Date.now() - t0 };
}

/** A shell pipeline; its exit status is the bin's (PIPESTATUS[0]). */
function shell(script: string, timeout = 15_000): Run {
  const t0 = Date.now();
  const r = spawnSync("bash", ["-c", script], { encoding: "utf8", timeout, killSignal: "SIGKILL", env: { ...process.env, BIN, PLAN } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, ms: Date.now() - t0 };
}

const NO_TRACE = /\n\s+at |Error:|node:internal|\u001b/;

/** Refused at once: exit 2, one Dutch line on stderr, no stack trace. */
function expectRefused(r: Run, text: RegExp): void {
  expect(r.code).toBe(2);
  expect(r.ms).toBeLessThan(10_000);
  expect(r.stderr).toMatch(/^ikk-normen: /);
  expect(r.stderr).toMatch(text);
  expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
  expect(r.stderr).not.toMatch(NO_TRACE);
}

describe("only regular files are read", () => {
  let fifo: string;
  beforeAll(() => {
    fifo = path.join(dir, "pijp.xlsx");
    execFileSync("mkfifo", [fifo]);
  });

  test("a FIFO as input is refused without being opened", () => {
    expectRefused(cli(["check", fifo]), /pijp\.xlsx" is een pipe \(FIFO\), geen \.xlsx-bestand/);
  });

  test("a FIFO as --map is refused without being opened", () => {
    expectRefused(cli(["check", PLAN, "--map", fifo]), /is een pipe \(FIFO\), geen koppelingsbestand/);
  });

  test("/dev/zero as --map and as input: a device, refused", () => {
    expectRefused(cli(["check", PLAN, "--map", "/dev/zero"]), /"\/dev\/zero" is een apparaat, geen koppelingsbestand/);
    expectRefused(cli(["check", "/dev/zero"]), /"\/dev\/zero" is een apparaat, geen \.xlsx-bestand/);
  });

  test("a folder as --map: refused", () => {
    expectRefused(cli(["check", PLAN, "--map", dir]), /is een map, geen koppelingsbestand/);
  });

  test("a FIFO in a batch is that file's error, the others are checked", () => {
    const r = cli(["check", PLAN, fifo]);
    expect(r.code).toBe(2);
    expect(r.ms).toBeLessThan(10_000);
    expect(r.stdout).toContain("Niet te controleren:");
    expect(r.stdout).toContain("is een pipe (FIFO)");
    expect(r.stdout).toContain("plan-2026.xlsx");
    expect(r.stderr).not.toMatch(NO_TRACE);
  });

  test("a mapping over 1 MB is refused before it is read", () => {
    const big = path.join(dir, "groot.json");
    fs.writeFileSync(big, '{"versie":1}' + " ".repeat(1_100_000));
    expectRefused(cli(["check", PLAN, "--map", big]), /is groter dan 1 MB/);
  });

  test("a mapping with a UTF-8 byte order mark is read", () => {
    const bom = path.join(dir, "bom.json");
    fs.writeFileSync(bom, "\uFEFF" + JSON.stringify({ versie: 1, feiten: { kindercentra: 7 } }));
    const r = cli(["check", PLAN, "--map", bom, "--json"]);
    expect(r.stderr).toBe("");
    expect(JSON.parse(r.stdout).inputs.centres).toBe(7);
  });
});

describe("output failures", () => {
  test("a closed pipe (EPIPE) ends quietly with the check's own exit code", () => {
    // `| true` closes the pipe before the report is written: before, an English stack trace and exit 1.
    const closed = shell('node "$BIN" check "$PLAN" | true; exit ${PIPESTATUS[0]}');
    expect(closed.stderr).toBe("");
    expect(closed.code).toBe(0);
    const ok = shell('node "$BIN" check "$PLAN" | head -c 10 >/dev/null; exit ${PIPESTATUS[0]}');
    expect(ok.code).toBe(0);
    expect(ok.stderr).toBe("");
    const errors = shell('node "$BIN" check "$PLAN" --fte 1000 --json | head -c 10 >/dev/null; exit ${PIPESTATUS[0]}');
    expect(errors.code).toBe(1);
    expect(errors.stderr).toBe("");
  });

  test("a full disk (/dev/full) exits 2 with a Dutch line, no stack trace", () => {
    for (const flags of ["", "--json"]) {
      const r = shell(`node "$BIN" check "$PLAN" ${flags} > /dev/full`);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe("ikk-normen: de uitvoer kan niet geschreven worden: de schijf is vol (ENOSPC).\n");
    }
  });
});

describe("uncaught errors", () => {
  test("an error thrown outside the check: one Dutch line, exit 2, no stack trace", () => {
    const bundle = path.join(path.dirname(BIN), "..", "dist", "cli", "ikk-normen.js");
    const script = `require(${JSON.stringify(bundle)}).runProcess(["node", "ikk-normen", "check", ${JSON.stringify(PLAN)}]); setTimeout(() => { throw new Error("boem \\u001b[31m"); }, 0);`;
    const r = spawnSync(process.execPath, ["-e", script], { encoding: "utf8", timeout: 15_000, killSignal: "SIGKILL" });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe("ikk-normen: onverwachte fout: boem \n");
    const rejected = spawnSync(process.execPath, ["-e", script.replace("setTimeout(() => { throw new Error(", "void Promise.reject(new Error(").replace('"); }, 0);', '"));')], {
      encoding: "utf8",
      timeout: 15_000,
      killSignal: "SIGKILL",
    });
    expect(rejected.status).toBe(2);
    expect(rejected.stderr).toMatch(/^ikk-normen: onverwachte fout: boem/);
    expect(rejected.stderr).not.toMatch(NO_TRACE);
  });
});

describe("exceljs's console output", () => {
  test("a sheet name over 31 characters with escapes, CR and bidi overrides: one safe Dutch line on stderr", async () => {
    const raw = path.join(dir, "naam.xlsx");
    const file = path.join(dir, "lange-naam.xlsx");
    await writeRawXlsx(raw, { sheets: [{ name: "PLAATSHOUDER", sheetData: '<row r="1"><c r="A1" t="inlineStr"><is><t>Locatie</t></is></c></row>' }] });
    // C1 CSI (U+009B, allowed in XML), a carriage return and a right-to-left override in the name.
    await rewriteXlsx(raw, file, (_part, text) => text.replace("PLAATSHOUDER", "Uren 2026 &#x9b;31mrood&#x9b;0m &#13;&#x202e;met een heel lange bladnaam"));
    const r = cli(["check", file, "--json"]);
    expect(r.code).not.toBeNull();
    // The CLI's own reader reads such a name without exceljs's warning; whatever is said on
    // stderr is Dutch lines from ikk-normen, terminal-safe.
    for (const line of r.stderr.split("\n").filter((l) => l !== "")) expect(line).toMatch(/^ikk-normen: /);
    expect(r.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    expect(r.stderr).not.toMatch(NO_TRACE);
    // --json stays one JSON value on stdout (nothing printed into it) when the check ran.
    if (r.code !== 2) expect(() => JSON.parse(r.stdout)).not.toThrow();
  });
});
