#!/usr/bin/env node
"use strict";
// Starts the bundled CLI (dist/cli/ikk-normen.js, built by `npm run build`).
const path = require("path");
const fs = require("fs");

const bundle = path.join(__dirname, "..", "dist", "cli", "ikk-normen.js");
if (!fs.existsSync(bundle)) {
  process.stderr.write("ikk-normen is nog niet gebouwd: voer eerst npm run build uit.\n");
  process.exit(2);
}
require(bundle)
  .run(process.argv)
  .then((code) => {
    process.exitCode = code;
  });
