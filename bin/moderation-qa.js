#!/usr/bin/env node
// The CLI runs the TypeScript sources through tsx (a dependency), so `npx moderation-qa` works
// from a clone without a build step.
require('tsx/cjs');
const { main } = require('../src/cli/main.ts');
main(process.argv.slice(2), {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
  env: process.env,
  isTTY: Boolean(process.stderr.isTTY),
  now: () => Date.now(),
}).then((code) => {
  process.exitCode = code;
});
