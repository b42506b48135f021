#!/usr/bin/env node
"use strict";
// Starts the bundled CLI (dist/cli/ikk-normen.js, built by `npm run build`).
const path = require("path");
const fs = require("fs");

/** No stack trace ever reaches the user: one Dutch line, exit 2. */
function fatal(e) {
  const text = String(e && e.message ? e.message : e).replace(/[\u0000-\u001f\u007f-\u009f]+/g, " ").slice(0, 500);
  try {
    process.stderr.write(`ikk-normen: onverwachte fout: ${text}\n`);
  } catch {
    // stderr is gone
  }
  process.exit(2);
}

const bundle = path.join(__dirname, "..", "dist", "cli", "ikk-normen.js");
if (!fs.existsSync(bundle)) {
  process.stderr.write("ikk-normen is nog niet gebouwd: voer eerst npm run build uit.\n");
  process.exit(2);
}
let cli;
try {
  cli = require(bundle);
} catch (e) {
  fatal(e);
}
if (typeof cli.runProcess === "function") {
  cli.runProcess(process.argv).catch(fatal);
} else {
  cli
    .run(process.argv)
    .then((code) => {
      process.exitCode = code;
    }, fatal);
}
