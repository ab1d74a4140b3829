// Layers are declared once, as data: which folders each layer may import from. A source file
// outside every declared layer fails lint, so a new folder must say where it sits.
const tseslint = require('typescript-eslint');

const LAYERS = [
  // The leaves: Excel's own facts (A1 notation, limits, cell values) and the messages; they import nothing.
  { name: 'excelSpec', files: ['src/excelSpec/**/*.ts'], mayImport: [] },
  { name: 'i18n', files: ['src/i18n/**/*.ts'], mayImport: [] },
  { name: 'core', files: ['src/core/**/*.ts'], mayImport: ['excelSpec', 'i18n'] },
  { name: 'flows', files: ['src/flows/**/*.ts'], mayImport: ['excelSpec', 'i18n', 'core'] },
  { name: 'emulator', files: ['src/emulator/**/*.ts'], mayImport: ['excelSpec'] },
  { name: 'commands', files: ['src/commands/**/*.{ts,tsx}'], mayImport: ['excelSpec', 'core', 'i18n', 'flows'] },
  {
    name: 'taskpane',
    files: ['src/taskpane/**/*.{ts,tsx}'],
    mayImport: ['excelSpec', 'core', 'i18n', 'flows', 'commands'],
  },
  {
    name: 'workbench',
    files: ['src/workbench/**/*.{ts,tsx}'],
    mayImport: ['excelSpec', 'core', 'i18n', 'flows', 'commands', 'taskpane', 'emulator'],
  },
  {
    name: 'cli',
    files: ['src/cli/**/*.ts'],
    mayImport: ['excelSpec', 'core', 'i18n', 'flows', 'commands', 'emulator'],
  },
];
const ALL = LAYERS.map((l) => l.name);

/** Import patterns that a layer may not use: every other layer's folder, by relative path. */
function forbidden(layer) {
  const banned = ALL.filter((n) => n !== layer.name && !layer.mayImport.includes(n));
  return banned
    .flatMap((n) => [`**/${n}`, `**/${n}/**`, `../${n}/*`, `../../${n}/*`])
    .map((group) => ({
      group: [group],
      message:
        `${layer.name} may not import from ${group.replace(/[*/.]/g, '') || group}` + ' (see eslint.config.js LAYERS)',
    }));
}

module.exports = [
  { ignores: ['node_modules/**', 'dist/**', 'coverage/**', 'test-results/**', 'bench-results/**', '**/*.js'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  ...LAYERS.map((layer) => ({
    files: layer.files,
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    rules: { 'no-restricted-imports': ['error', { patterns: forbidden(layer) }] },
  })),
  {
    // Only the flows (src/flows) speak Office.js, and the emulator implements it; Office's own globals
    // (display language, ribbon, shortcuts) are read by the few host files below.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/flows/**', 'src/emulator/**', '**/*.test.ts', '**/*.test.tsx'],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'Excel', message: 'Only src/flows speaks Office.js: write a flow there.' },
        { name: 'Office', message: 'Office is read by the host files only (see eslint.config.js).' },
      ],
    },
  },
  {
    files: ['src/taskpane/host.ts', 'src/taskpane/index.tsx', 'src/commands/associate.ts', 'src/commands/shortcuts.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'Excel', message: 'Only src/flows speaks Office.js: write a flow there.' },
      ],
    },
  },
  {
    // No source line longer than the formatter's width (.prettierrc.json printWidth): long strings and comments
    // are split, long expressions named. (The .js files are ignored above; they keep to the same width.)
    files: ['src/**/*.{ts,tsx}', 'bench/**/*.ts', 'test/**/*.ts', 'scripts/**/*.ts'],
    rules: { 'max-len': ['error', { code: 120, ignoreUrls: true }] },
  },
  {
    // Core and Excel's facts are pure: no host, no DOM, no clock, no randomness
    // (tsc also compiles it without DOM types).
    files: ['src/core/**/*.ts', 'src/excelSpec/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-globals': ['error', 'window', 'document', 'Office', 'Excel', 'fetch', 'localStorage'],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'core is deterministic: take a seed' },
        { object: 'Date', property: 'now', message: 'core is deterministic: take "now" as a parameter' },
      ],
    },
  },
  {
    // A source file in no declared layer fails: add the folder to LAYERS first.
    files: ['src/**/*.{ts,tsx}'],
    ignores: LAYERS.flatMap((l) => l.files),
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: 'Program', message: 'This folder is not a declared layer: add it to LAYERS in eslint.config.js.' },
      ],
    },
  },
];
