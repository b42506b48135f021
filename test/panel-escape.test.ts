/** Escaping of cell text for HTML strings and of inlined scripts in the single-file page. */
import { escapeHtml } from "../shared/panel/escape";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { escapeInlineScript, escapeInlineStyle } = require("../build/inline-html-plugin") as {
  escapeInlineScript: (s: string) => string;
  escapeInlineStyle: (s: string) => string;
};

describe("escapeHtml", () => {
  test("markup becomes inert text", () => {
    expect(escapeHtml("<img src=x onerror=alert(1)>")).toBe("&lt;img src=x onerror=alert(1)&gt;");
  });
  test("quotes and ampersands are escaped for attribute values", () => {
    expect(escapeHtml(`=HYPERLINK("http://x","y") & 'z' \``)).toBe("=HYPERLINK(&quot;http://x&quot;,&quot;y&quot;) &amp; &#39;z&#39; &#96;");
  });
  test("already escaped text is escaped again (no double decoding)", () => {
    expect(escapeHtml("&lt;b&gt;")).toBe("&amp;lt;b&amp;gt;");
  });
  test("non-strings and empty values", () => {
    expect(escapeHtml(42.5)).toBe("42.5");
    expect(escapeHtml(null)).toBe("");
    expect(escapeHtml(undefined)).toBe("");
    expect(escapeHtml("KDV Borkel & Schaft")).toBe("KDV Borkel &amp; Schaft");
  });
});

describe("inlined script and style text", () => {
  test("a closing script tag inside the bundle cannot end the element", () => {
    const src = 'var s = "</script><img src=x onerror=alert(1)>"; var t = "</SCRIPT >";';
    const out = escapeInlineScript(src);
    expect(out).not.toMatch(/<\/script/i);
    // Still the same JavaScript: "<\/" is "</" in a string literal.
    const run = (code: string) => new Function(`${code}; return [s, t];`)() as string[];
    expect(run(out)).toEqual(run(src));
  });
  test("the escape also keeps regular expressions with the u flag valid", () => {
    const src = "var s = /<\\/script>/u.test('</script>');";
    const out = escapeInlineScript(src);
    expect(out).not.toMatch(/<\/script/i);
    expect(new Function(`${out}; return s;`)()).toBe(true);
  });
  test("a closing style tag inside CSS cannot end the element", () => {
    expect(escapeInlineStyle('a::after { content: "</style>" }')).not.toMatch(/<\/style/i);
  });
});
