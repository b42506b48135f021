/**
 * One build for all outputs. Each part lives beside its code and exports a webpack
 * config (or a function (env, argv) => config); `npm run build` runs them all.
 */
const fs = require("fs");
const path = require("path");

const PARTS = ["excel-addin", "sheets-addon", "cli", "demo"];

module.exports = (env, argv) =>
  PARTS.map((dir) => path.join(__dirname, dir, "webpack.config.js"))
    .filter((file) => fs.existsSync(file))
    .map((file) => {
      const part = require(file);
      return typeof part === "function" ? part(env, argv) : part;
    })
    .flat();
