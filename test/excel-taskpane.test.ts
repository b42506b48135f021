/**
 * The Excel task pane: the function list is built from the catalogue with every
 * text escaped, and the built taskpane.js fills the page when loaded in a VM with a fake
 * DOM element and a fake Office. Runs after `npm run build`.
 */
import * as fs from "fs";
import * as path from "path";
import * as vm from "vm";
import { CATALOGUE, FunctionSpec } from "../shared/catalogue";
import { escapeHtml, functionListHtml, functionSignature } from "../excel-addin/taskpane";

const DIST = path.join(__dirname, "..", "dist", "excel");

describe("function list", () => {
  test("signature as typed in Dutch Excel: namespace, ; between arguments, optional ones in brackets", () => {
    const beleid = CATALOGUE.find((f) => f.name === "BELEIDSUREN")!;
    expect(functionSignature(beleid)).toBe("=IKK.BELEIDSUREN(kindercentra; [jaar])");
  });

  test("catalogue text is escaped, never interpreted as HTML", () => {
    const hostile: FunctionSpec = {
      name: "TEST",
      description: `<img src=x onerror="alert(1)"> & 'meer'`,
      params: [{ name: "<b>", description: "", range: false, optional: false }],
      result: "number",
      impl: () => 0,
    };
    const html = functionListHtml([hostile]);
    expect(html).not.toMatch(/<img|<b>/);
    expect(html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; &#39;meer&#39;");
    expect(html).toContain("=IKK.TEST(&lt;b&gt;)");
    expect(escapeHtml(`a<>&"'b`)).toBe("a&lt;&gt;&amp;&quot;&#39;b");
  });
});

describe("built taskpane.js", () => {
  test("lists every catalogue function on the page and registers Office.onReady", () => {
    const list = { innerHTML: "" };
    const onReady = jest.fn();
    const document = {
      readyState: "complete",
      getElementById: (id: string) => (id === "ikk-functies" ? list : null),
      addEventListener: jest.fn(),
    };
    const context = vm.createContext({ document, Office: { onReady }, console });
    vm.runInContext(fs.readFileSync(path.join(DIST, "taskpane.js"), "utf8"), context, { filename: "taskpane.js" });

    expect(onReady).toHaveBeenCalledTimes(1);
    expect(list.innerHTML).toBe(functionListHtml(CATALOGUE));
    for (const spec of CATALOGUE) expect(list.innerHTML).toContain(escapeHtml(functionSignature(spec)));
    expect((list.innerHTML.match(/<dt>/g) ?? []).length).toBe(CATALOGUE.length);
  });

  test("the page has the panel root, the function list and no remote script besides office.js", () => {
    const html = fs.readFileSync(path.join(DIST, "taskpane.html"), "utf8");
    expect(html).toMatch(/<html lang="?nl"?/);
    expect(html).toMatch(/<div id="?app"?><\/div>/);
    expect(html).toMatch(/id="?ikk-functies"?/);
    const remote = [...html.matchAll(/<script[^>]*src="?(https?:[^" >]+)/g)].map((m) => m[1]);
    expect(remote).toEqual(["https://appsforoffice.microsoft.com/lib/1/hosted/office.js"]);
  });
});

describe("bundles", () => {
  const read = (f: string) => fs.readFileSync(path.join(DIST, f), "utf8");

  test("taskpane.js holds the validation panel and the Office.js adapter", () => {
    const js = read("taskpane.js");
    for (const s of ["Controleren", "Markeringen tonen", "IKK-rapport", "getUsedRangeOrNullObject", "ikk-normen.marks", "coaching-tekort", "totaal-rij"]) expect(js).toContain(s);
  });

  test("functions.js (custom-functions runtime) stays free of the panel and the engine, under 40 KB", () => {
    const js = read("functions.js");
    for (const s of ["Controleren", "Markeringen", "IKK-rapport", "getUsedRangeOrNullObject", "Gevonden tabellen", "coaching-tekort", "totaal-rij"]) expect(js).not.toContain(s);
    expect(Buffer.byteLength(js)).toBeLessThan(40 * 1024);
  });
});
