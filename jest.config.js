/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  // The root tsconfig.json: tests see every host's types (node, jest, office-js, Apps Script);
  // the stricter per-area configs are checked by `npm run typecheck` and tsconfig-areas.test.ts.
  transform: { "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json", diagnostics: { warnOnly: false } }] },
  testMatch: ["**/*.test.ts"],
  // office-addin-mock needs only the OfficeApp enum of office-addin-manifest, whose main
  // module pulls in ESM-only packages (strip-bom 5, uuid 14) that jest cannot require:
  // point it at the module that defines the enum.
  moduleNameMapper: { "^office-addin-manifest$": "<rootDir>/node_modules/office-addin-manifest/lib/officeApp.js" },
};
