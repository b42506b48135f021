/**
 * The CLI bundle: dist/cli/ikk-normen.js, a CommonJS module for Node that exports
 * run(argv). Packages from node_modules (exceljs, commander, zod) stay external and are
 * required at run time; bin/ikk-normen.js loads the bundle.
 */
const path = require("path");
const webpack = require("webpack");
const pkg = require("../package.json");

const root = path.resolve(__dirname, "..");

module.exports = {
  name: "cli",
  target: "node20",
  entry: path.join(__dirname, "main.ts"),
  output: {
    path: path.join(root, "dist", "cli"),
    filename: "ikk-normen.js",
    library: { type: "commonjs2" },
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
          configFile: path.join(__dirname, "tsconfig.json"),
          onlyCompileBundledFiles: true,
          instance: "cli",
          compilerOptions: { sourceMap: false },
        },
      },
    ],
  },
  // Bare imports (exceljs, commander, zod, node built-ins) are required at run time.
  externals: [
    ({ request }, callback) => {
      if (request && !request.startsWith(".") && !path.isAbsolute(request)) return callback(null, `commonjs ${request}`);
      return callback();
    },
  ],
  plugins: [new webpack.DefinePlugin({ __IKK_VERSION__: JSON.stringify(pkg.version) })],
  optimization: { minimize: false },
  devtool: false,
  stats: "errors-warnings",
};
