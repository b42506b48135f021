/**
 * Demo page: dist/demo/index.html, one self-contained file (script and CSS inlined), that
 * runs the validation panel against the example workbooks through the in-memory host.
 */
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const InlineHtmlPlugin = require("../build/inline-html-plugin");

const PAGE = `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:">
<title>IKK-normen: demo van de controle</title>
</head>
<body>
<div id="app"></div>
</body>
</html>`;

module.exports = (env, argv) => ({
  name: "demo",
  mode: (argv && argv.mode) || "production",
  target: "web",
  entry: { demo: path.join(__dirname, "index.ts") },
  output: { path: path.resolve(__dirname, "..", "dist", "demo"), filename: "[name].js", publicPath: "", clean: true },
  resolve: { extensions: [".ts", ".js"] },
  module: {
    rules: [{ test: /\.ts$/, loader: "ts-loader", exclude: /node_modules/, options: { transpileOnly: true, compilerOptions: { module: "esnext", sourceMap: false } } }],
  },
  devtool: false,
  performance: { hints: false },
  plugins: [
    new HtmlWebpackPlugin({ filename: "index.html", templateContent: PAGE, inject: "body", scriptLoading: "blocking", minify: false }),
    new InlineHtmlPlugin(),
  ],
});
