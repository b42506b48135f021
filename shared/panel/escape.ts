/**
 * Escaping for the few places that build HTML as a string (a host page template, an
 * Apps Script HtmlOutput). The panel itself only uses textContent.
 */
const HTML_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
  "`": "&#96;",
};

/** Text safe in HTML element content and in quoted attribute values. */
export function escapeHtml(text: unknown): string {
  return String(text ?? "").replace(/[&<>"'`]/g, (c) => HTML_ESCAPES[c]);
}
