/**
 * Browser stand-in for office.js (served in place of appsforoffice.microsoft.com/…/office.js
 * by test/excel-pane-browser.test.ts): Office, Excel and CustomFunctions over the fake of
 * office-fake.ts, holding the broken 2026 example. window.__fake exposes the fake.
 */
import { FakeExcel } from "./office-fake";
import { broken2026 } from "../../demo/examples";

const fake = FakeExcel.fromSnapshot(broken2026());
const w = window as unknown as Record<string, unknown>;
w.__fake = fake;
w.Excel = { run: fake.run };
w.CustomFunctions = {
  associate: () => undefined,
  Error: class {
    constructor(
      public code: string,
      public message?: string,
    ) {}
  },
  ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", invalidNumber: "#NUM!" },
};
w.Office = {
  onReady: (cb?: (info: { host: string }) => void) => Promise.resolve().then(() => cb?.({ host: "Excel" })),
  context: {
    document: { settings: fake.settings },
    requirements: { isSetSupported: (n: string, v: string) => fake.options.supported(n, v) },
  },
  AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
};
