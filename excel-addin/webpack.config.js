/**
 * Excel add-in build → dist/excel/, following the shared-runtime template of
 * OfficeDev/Excel-Custom-Functions: one page (taskpane.html) loads both the task pane
 * and the custom functions; functions.js is also served on its own for the manifest's
 * <Script>. custom-functions-metadata-plugin reads the JSDoc of the generated
 * declarations (run `npm run generate` first), writes functions.json and appends the
 * CustomFunctions.associate() calls.
 *
 * No dev server or certificates here: to sideload, build and run
 * `npx tsx excel-addin/serve.ts` (https://localhost:3000, see serve.ts).
 */
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");

const FUNCTIONS_INPUT = path.resolve(__dirname, "generated", "functions.ts");

module.exports = (env, argv = {}) => ({
  name: "excel",
  mode: argv.mode || "production",
  context: __dirname,
  target: ["web", "es2019"],
  devtool: "source-map",
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
            configFile: path.resolve(__dirname, "..", "tsconfig.json"),
            compilerOptions: { module: "esnext", sourceMap: true },
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
      patterns: [{ from: path.resolve(__dirname, "assets", "icon-*.png"), to: "assets/[name][ext]" }],
    }),
  ],
  performance: { hints: false },
});
