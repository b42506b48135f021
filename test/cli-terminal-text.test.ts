/** Cell text printed to a terminal: no escape sequences or control characters get through. */
import { terminalSafe } from "../cli/terminal-text";

test("plain Dutch text is unchanged", () => {
  expect(terminalSafe("KDV Borkel & Schaft – 1.433,7 uur (€ 50,-) 'ë'")).toBe("KDV Borkel & Schaft – 1.433,7 uur (€ 50,-) 'ë'");
});

test("colour and cursor sequences (CSI) are removed", () => {
  expect(terminalSafe("\u001b[31mRood\u001b[0m")).toBe("Rood");
  expect(terminalSafe("A\u001b[2J\u001b[1;1HB")).toBe("AB");
  expect(terminalSafe("A\u009b31mB")).toBe("AB");
});

test("OSC sequences (window title, hyperlinks) are removed with their payload", () => {
  expect(terminalSafe("\u001b]0;gehackt\u0007Budel")).toBe("Budel");
  expect(terminalSafe("\u001b]8;;https://x.example\u001b\\klik\u001b]8;;\u001b\\")).toBe("klik");
});

test("other escapes, C0/C1 controls and DEL are removed", () => {
  expect(terminalSafe("a\u001bcb")).toBe("ab");
  expect(terminalSafe("a\u0000b\u0007c\u0008d\u007fe\u0085f")).toBe("abcdef");
});

test("line breaks and tabs become one space", () => {
  expect(terminalSafe("KDV\nValkenswaard")).toBe("KDV Valkenswaard");
  expect(terminalSafe("a\r\n\tb")).toBe("a b");
});

test("bidirectional overrides are removed", () => {
  expect(terminalSafe("abc\u202edcba\u202c")).toBe("abcdcba");
  expect(terminalSafe("x\u2066y\u2069")).toBe("xy");
});

test("no escape character survives arbitrary input", () => {
  let s = "";
  for (let i = 0; i < 256; i++) s += String.fromCharCode(i) + "[" + String.fromCharCode(i);
  const out = terminalSafe(s);
  expect(out).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
});
