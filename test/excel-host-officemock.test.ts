/**
 * The Office.js adapter against Microsoft's own mock (office-addin-mock) for the calls it
 * can model: selecting a cell (the right sheet and address, after loading its visibility). Collections
 * (`worksheets.load("items/name")`), used ranges, null objects, queued writes and number
 * formats are beyond it (it throws "Property name needs to be present in object model"
 * for items/name), so test/helpers/office-fake.ts covers those in excel-host.test.ts.
 */
import { OfficeMockObject } from "office-addin-mock";
import { OfficeHost } from "../excel-addin/office-host";

function mockExcel() {
  const calls: string[] = [];
  let syncs = 0;
  const context = new OfficeMockObject({
    workbook: {
      name: "Uren 2026.xlsx",
      worksheets: {
        items: [],
        getItem(name: string) {
          calls.push(`getItem(${name})`);
          return {
            visibility: "Visible",
            load: (props: string) => calls.push(`load(${name}.${props})`),
            activate: () => calls.push(`activate(${name})`),
            getRange: (a1: string) => ({ select: () => calls.push(`select(${name}!${a1})`) }),
          };
        },
      },
    },
  }) as unknown as Excel.RequestContext & { sync(): Promise<void> };
  const sync = context.sync.bind(context);
  (context as unknown as { sync: () => Promise<void> }).sync = async () => {
    syncs++;
    await sync();
  };
  const host = new OfficeHost({
    run: (batch) => batch(context),
    isSetSupported: () => false,
    settings: () => ({ get: () => null, set() {}, remove() {}, saveAsync: (cb) => cb?.({ status: "succeeded" }) }),
  });
  return { host, calls, syncs: () => syncs };
}

test("selectCell loads the sheet's visibility, then activates the sheet and selects the cell: two syncs", async () => {
  const m = mockExcel();
  await m.host.selectCell("Verdeling 2026", "F4");
  expect(m.calls).toEqual(["getItem(Verdeling 2026)", "load(Verdeling 2026.visibility)", "activate(Verdeling 2026)", "select(Verdeling 2026!F4)"]);
  expect(m.syncs()).toBe(2);
});

test("selectCell refuses an address that is not A1 before touching Excel", async () => {
  const m = mockExcel();
  await expect(m.host.selectCell("Blad1", "=1+1")).rejects.toThrow(/[a-z]/);
  expect(m.calls).toEqual([]);
  expect(m.syncs()).toBe(0);
});
