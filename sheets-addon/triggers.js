// Apps Script triggers and menu actions. Plain top-level function declarations (Apps
// Script only sees those); concatenated after the IKK library bundle into Code.js.
// The work is done by the bundled library IKK (sheets-addon/entry.ts).

/**
 * Adds the IKK-normen menu when the spreadsheet opens.
 * @param {Object} e The onOpen event.
 */
function onOpen(e) {
  SpreadsheetApp.getUi()
    .createMenu(IKK.ADDON_TITLE)
    .addItem("Controleren\u2026", "showSidebar")
    .addSeparator()
    .addItem("Over IKK-normen", "showAbout")
    .addToUi();
}

/**
 * Runs when the add-on is installed: adds the menu right away.
 * @param {Object} e The onInstall event.
 */
function onInstall(e) {
  onOpen(e);
}

/** Opens the check panel in the sidebar. */
function showSidebar() {
  var html = HtmlService.createHtmlOutputFromFile("Sidebar").setTitle(IKK.ADDON_TITLE);
  SpreadsheetApp.getUi().showSidebar(html);
}

/** Shows what the add-on does and which norm applies. */
function showAbout() {
  var ui = SpreadsheetApp.getUi();
  ui.alert("Over " + IKK.ADDON_TITLE, IKK.aboutText(), ui.ButtonSet.OK);
}
