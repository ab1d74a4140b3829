#!/usr/bin/env node
// The CLI runs compiled (dist-cli/, built by `npm run build:cli`, which `npm ci` runs through the
// "prepare" script), so it starts in well under a second. When that build is missing or older
// than a source file (a developer editing src/), it falls back to compiling on the fly with tsx.
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const compiled = path.join(root, 'dist-cli', 'cli', 'main.js');

/** The newest modification time of the sources under src/ (tests excluded), in ms. */
function newestSource(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(file));
    else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) newest = Math.max(newest, fs.statSync(file).mtimeMs);
  }
  return newest;
}

function loadMain() {
  let built = 0;
  try {
    built = fs.statSync(compiled).mtimeMs;
  } catch {
    built = 0;
  }
  const src = path.join(root, 'src');
  const fresh = built > 0 && (!fs.existsSync(src) || process.env.MQA_CLI_COMPILED === '1' || newestSource(src) <= built);
  if (fresh && process.env.MQA_CLI_TSX !== '1') return require(compiled).main;
  require('tsx/cjs');
  return require('../src/cli/main.ts').main;
}

loadMain()(process.argv.slice(2), {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
  env: process.env,
  isTTY: Boolean(process.stderr.isTTY),
  now: () => Date.now(),
}).then((code) => {
  process.exitCode = code;
});
