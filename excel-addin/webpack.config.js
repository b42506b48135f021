/**
 * Excel add-in build → dist/excel/, following the shared-runtime template of
 * OfficeDev/Excel-Custom-Functions: one page (taskpane.html) loads both the task pane
 * and the custom functions; functions.js is also served on its own for the manifest's
 * <Script>. custom-functions-metadata-plugin reads the JSDoc of the generated
 * declarations (run `npm run generate` first), writes functions.json and appends the
 * CustomFunctions.associate() calls.
 *
 * manifest.xml is copied to dist/excel/manifest.xml with every URL under IKK_BASE_URL
 * (build/manifest-urls.js; default https://localhost:3000/ for development). A base that is
 * not https fails the build. No source maps: dist/excel is what gets published.
 *
 * No dev server or certificates here: to sideload, build and run
 * `npx tsx excel-addin/serve.ts` (https://localhost:3000, see serve.ts).
 */
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { baseUrlFrom, manifestFor } = require("../build/manifest-urls");

const FUNCTIONS_INPUT = path.resolve(__dirname, "generated", "functions.ts");

module.exports = (env, argv = {}) => {
  // Throws a Dutch message when IKK_BASE_URL is set but not a usable https address.
  const baseUrl = baseUrlFrom(process.env.IKK_BASE_URL);
  return {
    name: "excel",
    mode: argv.mode || "production",
    context: __dirname,
    target: ["web", "es2019"],
    devtool: false,
    entry: {
      functions: FUNCTIONS_INPUT,
      taskpane: path.resolve(__dirname, "taskpane.ts"),
    },
    output: {
      path: path.resolve(__dirname, "..", "dist", "excel"),
      filename: "[name].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".js"] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              transpileOnly: true,
              configFile: path.resolve(__dirname, "tsconfig.json"),
              compilerOptions: { module: "esnext", sourceMap: false },
            },
          },
        },
      ],
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: FUNCTIONS_INPUT }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: path.resolve(__dirname, "taskpane.html"),
        // Functions first: Excel may call them as soon as the shared runtime loads.
        chunks: ["functions", "taskpane"],
        chunksSortMode: "manual",
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: path.resolve(__dirname, "assets", "icon-*.png"), to: "assets/[name][ext]" },
          { from: path.resolve(__dirname, "support.html"), to: "support.html" },
          {
            from: path.resolve(__dirname, "..", "manifest.xml"),
            to: "manifest.xml",
            transform: { transformer: (content) => manifestFor(content.toString("utf8"), baseUrl), cache: false },
          },
        ],
      }),
    ],
    performance: { hints: false },
  };
};
