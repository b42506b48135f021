/**
 * The panel's CSS (injected as a <style> element by mountPanel; system fonts only).
 * Contrast (WCAG AA): text colours at least 4.5:1 on their background (#a4262c on #fde7e9
 * 6.2:1, #107c10 on white 5.4:1, #605e5c on #fff8e1 6.1:1); the severity borders and the
 * focus outline at least 3:1 on white (#d13438 4.9:1, #8a6d00 4.9:1, #0f6cbd 5.4:1; the
 * earlier warning yellow #c19c00 had 2.6:1). The severity is in the group heading as well.
 */
export const PANEL_CSS = `
.ikk-panel { font-family: "Segoe UI", system-ui, -apple-system, Roboto, Arial, sans-serif; font-size: 13px; color: #222; line-height: 1.4; padding: 8px; max-width: 420px; box-sizing: border-box; }
.ikk-panel h1 { font-size: 16px; margin: 0 0 8px; }
.ikk-panel h2 { font-size: 14px; margin: 14px 0 6px; border-bottom: 1px solid #ddd; padding-bottom: 2px; }
.ikk-panel h3 { font-size: 13px; margin: 8px 0 4px; }
.ikk-panel button { font: inherit; padding: 4px 10px; margin: 2px 4px 2px 0; border: 1px solid #8a8886; border-radius: 3px; background: #fff; cursor: pointer; }
.ikk-panel button.primary { background: #0f6cbd; border-color: #0f6cbd; color: #fff; }
.ikk-panel button:disabled { opacity: .5; cursor: default; }
.ikk-panel button[aria-disabled="true"] { cursor: progress; }
.ikk-panel :focus-visible { outline: 2px solid #0f6cbd; outline-offset: 2px; }
.ikk-panel button.finding:focus-visible { outline-offset: 1px; background: #eff6fc; }
.ikk-panel .status { margin: 6px 0; min-height: 1.4em; color: #444; }
.ikk-panel .status.error { color: #a4262c; background: #fde7e9; padding: 4px 6px; border-radius: 3px; }
.ikk-panel table.summary { border-collapse: collapse; width: 100%; }
.ikk-panel table.summary th, .ikk-panel table.summary td { padding: 2px 4px; text-align: right; border-bottom: 1px solid #eee; }
.ikk-panel table.summary th:first-child, .ikk-panel table.summary td:first-child { text-align: left; }
.ikk-panel table.summary tbody th { font-weight: normal; }
.ikk-panel td.short { color: #a4262c; font-weight: 600; }
.ikk-panel td.ok { color: #107c10; }
.ikk-panel .verdict { padding: 6px 8px; margin: 4px 0 8px; border-left: 4px solid #605e5c; background: #f3f2f1; }
.ikk-panel .verdict.ok, .ikk-panel .verdict.warnings { border-color: #107c10; background: #dff6dd; }
.ikk-panel .verdict.errors { border-color: #a4262c; background: #fde7e9; }
.ikk-panel .verdict.incomplete { border-color: #8a6d00; background: #fff4ce; }
.ikk-panel .verdict ul { margin: 4px 0 0 16px; padding: 0; }
.ikk-panel .bars { margin: 6px 0; }
.ikk-panel .bar-row { display: grid; grid-template-columns: 70px 1fr; gap: 4px; align-items: center; margin: 2px 0; }
.ikk-panel .bar-track { background: #f3f2f1; height: 7px; margin: 1px 0; }
.ikk-panel .bar { height: 7px; }
.ikk-panel .bar.required { background: #605e5c; }
.ikk-panel .bar.planned { background: #107c10; }
.ikk-panel .bar.planned.short { background: #d13438; }
.ikk-panel .legend { font-size: 11px; color: #605e5c; }
.ikk-panel .legend span { display: inline-block; width: 10px; height: 7px; margin: 0 3px 0 8px; }
.ikk-panel ul { list-style: none; padding: 0; margin: 0; }
.ikk-panel .finding { display: block; width: 100%; box-sizing: border-box; text-align: left; margin: 2px 0; padding: 4px 10px; border: 1px solid #8a8886; border-left-width: 4px; border-radius: 3px; background: #fff; }
.ikk-panel div.finding { border-color: #c8c6c4; }
.ikk-panel .finding.error { border-left-color: #d13438; }
.ikk-panel .finding.warning { border-left-color: #8a6d00; }
.ikk-panel .finding.info { border-left-color: #0f6cbd; }
.ikk-panel .finding .place { font-weight: 600; margin-right: 4px; }
.ikk-panel .fact { margin: 4px 0; }
.ikk-panel .fact label { display: block; font-weight: 600; }
.ikk-panel .fact input { font: inherit; width: 110px; padding: 2px 4px; }
.ikk-panel .source { font-size: 11px; color: #605e5c; }
.ikk-panel .table-item { margin: 4px 0; padding: 4px; border: 1px solid #eee; }
.ikk-panel .table-item.low { border-color: #8a6d00; background: #fff8e1; }
.ikk-panel .muted { color: #605e5c; }
`;
