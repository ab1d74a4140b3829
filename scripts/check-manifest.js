#!/usr/bin/env node
// `npm run check:manifest [file]`: the offline manifest check. Office's own reader
// (office-addin-manifest) reads the top-level fields; the project's rules (scripts/manifestRules.ts)
// check what Microsoft's online validator would reject. Exits 1 naming each failed rule.
require('tsx/cjs');
const fs = require('node:fs');
const path = require('node:path');
const { checkManifest } = require('./manifestRules.ts');
const { COMMAND_LIST } = require('../src/commands/registry.ts');
const { shortcutsJson } = require('../src/commands/shortcuts.ts');

async function main() {
  const file = path.resolve(process.argv[2] || path.join(__dirname, '..', 'manifest.xml'));
  const xml = fs.readFileSync(file, 'utf8');
  // Every command is associated (associateCommands); the shortcuts file is derived from the registry.
  const violations = checkManifest(
    xml,
    COMMAND_LIST.map((c) => c.id),
    shortcutsJson('en'),
  );
  try {
    const { readManifestFile } = require('office-addin-manifest').OfficeAddinManifest;
    const info = await readManifestFile(file);
    if (!info.id || !info.hosts || !info.hosts.includes('Workbook'))
      violations.push({ rule: 'office-reader', message: 'office-addin-manifest reads no id or no Workbook host' });
    else
      console.log(
        `${info.displayName} ${info.version} (${info.id}) ` +
          `for ${info.hosts.join(', ')}, permissions ${info.permissions}`,
      );
  } catch (error) {
    violations.push({
      rule: 'office-reader',
      message: `office-addin-manifest could not read the file: ${error.message}`,
    });
  }
  for (const v of violations) console.error(`✗ ${v.rule}: ${v.message}`);
  if (violations.length) {
    console.error(
      `${violations.length} problem(s) in ${path.relative(process.cwd(), file)}; ` +
        `rules failed: ${[...new Set(violations.map((v) => v.rule))].join(', ')}`,
    );
    process.exit(1);
  }
  console.log(`✓ ${path.relative(process.cwd(), file)} passes the offline checks`);
}
main();
