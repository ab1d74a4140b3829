#!/usr/bin/env node
// `npm start`: serves the add-in (https with Office's dev certificates, else http on localhost)
// and says how to load it into Excel. Ctrl+C stops the server.
const { spawn } = require('node:child_process');
const path = require('node:path');

const root = path.join(__dirname, '..');
console.log(`Moderation QA — serving the add-in from ${root}`);
console.log(
  '  Workbench:  https://localhost:3000/workbench.html — a demo workbook ' +
    'and the real task pane, no Excel needed (opens now; BROWSER=none to skip)',
);
console.log('  Task pane:  https://localhost:3000/taskpane.html');
console.log('  (both on http://localhost:3000 when dev certificates cannot be installed: the server says which below)');
console.log('  Manifest:   manifest.xml');
console.log(
  '  Excel desktop: npm run start:desktop    Excel on the web: npm run start:web -- --document <workbook URL>',
);
console.log('  or upload manifest.xml in Excel: Home > Add-ins > More add-ins > Upload My Add-in.');
const child = spawn(process.execPath, [require.resolve('webpack-cli/bin/cli.js'), 'serve', '--mode', 'development'], {
  cwd: root,
  stdio: 'inherit',
});
child.on('exit', (code) => process.exit(code ?? 0));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
