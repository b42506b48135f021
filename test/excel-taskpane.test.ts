/**
 * The minimal Excel task pane: the function list is built from the catalogue with every
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

  test("the page has the Dutch title and the list placeholder", () => {
    const html = fs.readFileSync(path.join(DIST, "taskpane.html"), "utf8");
    expect(html).toMatch(/<html lang="?nl"?/);
    expect(html).toMatch(/<h1>IKK-normen<\/h1>/);
    expect(html).toMatch(/id="?ikk-functies"?/);
  });
});
