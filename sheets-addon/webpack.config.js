/**
 * Google Sheets (Apps Script) build: dist/sheets/ holds exactly the three files of the
 * Apps Script project, under the names the Apps Script editor shows them, so the folder
 * is what a user pastes into a bound script (README "Google Spreadsheets installeren")
 * and what clasp pushes (test/sheets-manifest.test.ts runs clasp's own file selection):
 *   Code.gs          the IKK library bundle (entry.ts, library var IKK), then the
 *                    generated custom-function declarations (generated/functions.js), the
 *                    triggers and menu actions (triggers.js) and the sidebar's server
 *                    functions (generated/server.js): Apps Script only sees top-level function
 *                    declarations, so those stay outside the bundle. ".gs", not ".js": the
 *                    editor names script files "Code.gs", and clasp 3 pushes .gs files as
 *                    server code by default (scriptExtensions [".js", ".gs"]).
 *   Sidebar.html     the validation panel and engine (sidebar.ts) in sidebar.html, as ONE
 *                    self-contained file (script and CSS inlined by build/inline-html-plugin;
 *                    Apps Script serves no other files). The engine runs in the sidebar, so
 *                    Code.gs, loaded for every custom-function call, stays small.
 *   appsscript.json  the manifest
 * Nothing else (no .claspignore, no source maps): clasp's default ignore rules then push
 * exactly these three.
 * Run `npm run generate` first (writes generated/functions.js and generated/server.js).
 */
const fs = require("fs");
const path = require("path");
const { Compilation, sources } = require("webpack");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const InlineHtmlPlugin = require("../build/inline-html-plugin");

const HERE = __dirname;
const OUT_DIR = path.resolve(HERE, "..", "dist", "sheets");
const LIBRARY_ASSET = "library.js";
const GENERATED = path.join(HERE, "generated", "functions.js");
const TRIGGERS = path.join(HERE, "triggers.js");
const SERVER = path.join(HERE, "generated", "server.js");
const SIDEBAR = path.join(HERE, "sidebar.html");
const MANIFEST = path.join(HERE, "appsscript.json");

function read(file, hint) {
  if (!fs.existsSync(file)) throw new Error(`sheets-addon: ${path.relative(process.cwd(), file)} is missing${hint ? ` (${hint})` : ""}`);
  return fs.readFileSync(file, "utf8");
}

/** Builds Code.gs from the minified library plus the plain declarations, and adds the static files. */
class AppsScriptFilesPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("AppsScriptFilesPlugin", (compilation) => {
      [GENERATED, TRIGGERS, SERVER, MANIFEST].forEach((f) => compilation.fileDependencies.add(f));
      compilation.hooks.processAssets.tap(
        // After minification, so the JSDoc of the declarations survives.
        { name: "AppsScriptFilesPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_INLINE },
        () => {
          const library = compilation.getAsset(LIBRARY_ASSET);
          if (!library) return;
          const code = [
            "// IKK-normen for Google Sheets (Code.gs). Built from sheets-addon/ (entry.ts, generated/functions.js, triggers.js, generated/server.js).",
            library.source.source().toString().trim(),
            read(GENERATED, "run `npm run generate` first").trim(),
            read(TRIGGERS).trim(),
            read(SERVER, "run `npm run generate` first").trim(),
            "",
          ].join("\n\n");
          compilation.deleteAsset(LIBRARY_ASSET);
          // minimized: true keeps Terser (which also visits later assets) off the declarations and their JSDoc.
          compilation.emitAsset("Code.gs", new sources.RawSource(code), { minimized: true });
          compilation.emitAsset("appsscript.json", new sources.RawSource(read(MANIFEST)));
        },
      );
    });
  }
}

module.exports = (env, argv) => ({
  name: "sheets",
  mode: (argv && argv.mode) || "production",
  context: HERE,
  entry: {
    // Code.gs: the library, exposed as the global IKK.
    library: { import: path.join(HERE, "entry.ts"), library: { name: "IKK", type: "var" } },
    // Sidebar.html: the panel on google.script.run; inlined and then dropped as a file.
    sidebar: path.join(HERE, "sidebar.ts"),
  },
  target: ["es2019"],
  devtool: false,
  output: {
    path: OUT_DIR,
    filename: "[name].js",
    globalObject: "this",
    // One chunk, no loading at run time: Apps Script has no document, importScripts or require.
    chunkFormat: false,
    chunkLoading: false,
    wasmLoading: false,
    clean: true,
  },
  resolve: { extensions: [".ts", ".js"] },
  module: {
    rules: [
      {
        test: /\.ts$/,
        loader: "ts-loader",
        exclude: /node_modules/,
        options: {
          // Type checking is `npm run typecheck`; here only transpile, with ES modules so
          // webpack can concatenate and drop what the library does not use.
          transpileOnly: true,
          compilerOptions: { module: "es2015", target: "ES2019", sourceMap: false },
        },
      },
    ],
  },
  optimization: { minimize: true },
  performance: { hints: false },
  plugins: [
    new AppsScriptFilesPlugin(),
    new HtmlWebpackPlugin({
      filename: "Sidebar.html",
      template: SIDEBAR,
      chunks: ["sidebar"],
      inject: "body",
      scriptLoading: "blocking",
      minify: false,
    }),
    new InlineHtmlPlugin(),
  ],
});
