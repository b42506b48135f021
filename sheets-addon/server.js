// Server functions of the sidebar, called from the browser with google.script.run
// (sheets-addon/sidebar-host.ts). Plain top-level declarations (Apps Script only sees
// those), concatenated after the IKK library into Code.js; the work is in
// sheets-addon/server.ts (IKK.*). The validation engine runs in the sidebar, not here,
// so Code.js stays small: Sheets loads it for every custom-function call.
// Functions ending in "_" are private: google.script.run cannot call them.

/** The services the library needs; document properties only when asked for. */
function ikkServices_() {
  return {
    spreadsheet: SpreadsheetApp.getActiveSpreadsheet(),
    properties: function () {
      return PropertiesService.getDocumentProperties();
    },
    formatDate: function (date, timeZone, pattern) {
      return Utilities.formatDate(date, timeZone, pattern);
    },
  };
}

/** Sheet names and used-range sizes: { name, sheets: [{ name, rows, columns }] }. */
function ikkListSheets() {
  return IKK.serverCall("ikkListSheets", function () {
    return IKK.listSheets(ikkServices_());
  });
}

/** One sheet's values and formulas from A1 (one getValues, one getFormulas). */
function ikkReadSheet(name) {
  return IKK.serverCall("ikkReadSheet", function () {
    return IKK.readSheet(ikkServices_(), name);
  });
}

/** Activates the sheet and selects the cell or range (A1). */
function ikkSelectCell(sheet, a1) {
  IKK.serverCall("ikkSelectCell", function () {
    IKK.selectCell(ikkServices_(), sheet, a1);
  });
}

/** Colours cells by severity, remembering their original backgrounds. */
function ikkApplyMarks(marks) {
  IKK.serverCall("ikkApplyMarks", function () {
    IKK.applyMarks(ikkServices_(), marks);
  });
}

/** Restores the original backgrounds of all marked cells. */
function ikkClearMarks() {
  IKK.serverCall("ikkClearMarks", function () {
    IKK.clearMarks(ikkServices_());
  });
}

/** Writes the report as text to a new sheet IKK-rapport. */
function ikkWriteReport(rows) {
  IKK.serverCall("ikkWriteReport", function () {
    IKK.writeReport(ikkServices_(), rows);
  });
}

/** Deletes the sheet IKK-rapport if present. */
function ikkRemoveReport() {
  IKK.serverCall("ikkRemoveReport", function () {
    IKK.removeReport(ikkServices_());
  });
}

/** The panel settings stored in the document (JSON text), or null. */
function ikkLoadSettings() {
  return IKK.serverCall("ikkLoadSettings", function () {
    return IKK.loadSettings(ikkServices_());
  });
}

/** Stores the panel settings (JSON text) in the document. */
function ikkSaveSettings(json) {
  IKK.serverCall("ikkSaveSettings", function () {
    IKK.saveSettings(ikkServices_(), json);
  });
}

/** The user's selection: { sheet, a1 } (several areas joined by ","), or null. */
function ikkGetSelection() {
  return IKK.serverCall("ikkGetSelection", function () {
    return IKK.getSelection(ikkServices_());
  });
}
