// Apps Script triggers and menu actions. Plain top-level function declarations (Apps
// Script only sees those); concatenated after the IKK library bundle into Code.gs.
// The work is done by the bundled library IKK (sheets-addon/entry.ts).

/**
 * Adds the IKK-normen menu under Extensies when the spreadsheet opens. createAddonMenu,
 * not createMenu: published Editor add-ons put their items in the Extensions menu with
 * Ui.createAddonMenu() (https://developers.google.com/workspace/add-ons/concepts/menus);
 * in a script bound to the spreadsheet the same call makes a sub-menu named after the
 * script project. Only menu calls here, so it also works in AuthMode.NONE (nothing that
 * needs authorization, such as PropertiesService, before the user enabled the add-on).
 * @param {Object} e The onOpen event.
 */
function onOpen(e) {
  SpreadsheetApp.getUi()
    .createAddonMenu()
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
