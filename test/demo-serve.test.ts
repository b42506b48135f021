/**
 * `npm start` (demo/serve.ts): the port comes from the argument or PORT (default 8080), an
 * invalid one stops with a Dutch message, and the server listens on 127.0.0.1 only.
 * The listening test needs the demo build (dist/demo, `npm run build`).
 */
import { spawn, spawnSync } from "child_process";
import * as net from "net";
import * as path from "path";
import { DEFAULT_PORT, portFrom } from "../demo/serve";

const ROOT = path.join(__dirname, "..");
const TSX = path.join(ROOT, "node_modules", "tsx", "dist", "cli.mjs");
const SERVE = path.join(ROOT, "demo", "serve.ts");

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

describe("demo/serve.ts port", () => {
  test("absent or blank: 8080", () => {
    expect(DEFAULT_PORT).toBe(8080);
    expect(portFrom(undefined)).toBe(8080);
    expect(portFrom(" ")).toBe(8080);
  });

  test("a number from 1 to 65535", () => {
    expect(portFrom("3001")).toBe(3001);
    expect(portFrom("1")).toBe(1);
    expect(portFrom("65535")).toBe(65535);
  });

  test.each(["abc", "0", "65536", "80.5", "-1", "8080x", "1e3"])("%s is refused with a Dutch message", (value) => {
    expect(() => portFrom(value)).toThrow(/^Ongeldige poort .*geheel getal van 1 tot en met 65535/);
  });

  test("PORT=abc stops the server script with exit code 1 and the Dutch message", () => {
    const run = spawnSync(process.execPath, [TSX, SERVE], { cwd: ROOT, encoding: "utf8", env: { ...process.env, PORT: "abc" }, timeout: 60_000 });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('Ongeldige poort "abc"');
  });

  test("PORT is used and the demo listens on 127.0.0.1", async () => {
    const port = await freePort();
    const child = spawn(process.execPath, [TSX, SERVE], { cwd: ROOT, env: { ...process.env, PORT: String(port) } });
    try {
      const line = await new Promise<string>((resolve, reject) => {
        let out = "";
        let err = "";
        child.stdout.on("data", (d: Buffer) => {
          out += d.toString();
          if (out.includes("\n")) resolve(out);
        });
        child.stderr.on("data", (d: Buffer) => (err += d.toString()));
        child.once("exit", (code) => reject(new Error(`demo/serve.ts stopped (${code}): ${err}`)));
      });
      expect(line).toContain(`Demo op http://127.0.0.1:${port}/`);
      const res = await fetch(`http://127.0.0.1:${port}/`);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain("IKK-normen");
    } finally {
      child.kill();
    }
  }, 60_000);
});
