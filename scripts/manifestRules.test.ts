import * as fs from 'node:fs';
import * as path from 'node:path';
import { COMMAND_LIST } from '../src/commands/registry';
import { buildManifest } from './buildManifest';
import { shortcutsJson } from '../src/commands/shortcuts';
import { checkManifest, RULES, type RuleName, type ShortcutsFile } from './manifestRules';

const manifest = fs.readFileSync(path.join(__dirname, '..', 'manifest.xml'), 'utf8');
// associateCommands associates every command (openPane's shortcut is an ExecuteFunction too).
const associated = COMMAND_LIST.map((c) => c.id);
const shortcuts: ShortcutsFile = shortcutsJson('en');
const rulesOf = (xml: string, file = shortcuts) => [
  ...new Set(checkManifest(xml, associated, file).map((v) => v.rule)),
];

test('manifest.xml is generated from the registry and catalogs, and is up to date', () => {
  expect(manifest).toBe(buildManifest());
});

test('manifest.xml and its shortcuts file pass every rule', () => {
  expect(checkManifest(manifest, associated, shortcuts)).toEqual([]);
});

/** A broken manifest, or a manifest with a broken shortcuts file. */
const BROKEN: Record<RuleName, (xml: string) => string | [string, ShortcutsFile]> = {
  'xml-well-formed': (x) => x.replace('</OfficeApp>', ''),
  'resid-resolves': (x) => x.replace('<Label resid="Group.Label"/>', '<Label resid="Group.Missing"/>'),
  'ids-unique': (x) => x.replace('id="ModerationQA.Validate"', 'id="ModerationQA.OpenPane"'),
  'urls-https-same-origin': (x) =>
    x.replace(
      'https://localhost:3000/help.html"/>\n      </bt:Urls>',
      'http://elsewhere.example.com/help.html"/>\n      </bt:Urls>',
    ),
  'icon-sizes': (x) => x.replace(/<bt:Image size="80" resid="Icon.80"\/>/, ''),
  'string-lengths': (x) => x.replace('DefaultValue="Quality inspection"', `DefaultValue="${'x'.repeat(126)}"`),
  'ja-JP-overrides': (x) => x.replace('<bt:Override Locale="ja-JP" Value="品質検査"/>', ''),
  'functions-associated': (x) =>
    x.replace('<FunctionName>validate</FunctionName>', '<FunctionName>validateAll</FunctionName>'),
  'shortcuts-declared': (x) => x.replace(/<ExtendedOverrides [^>]*\/>/, ''),
  // The open-pane shortcut as it was declared: ShowTaskpane,
  // which a shortcut cannot run (P design/keyboard-shortcuts.md).
  'shortcuts-execute-function': (x) => [
    x,
    { ...shortcuts, actions: shortcuts.actions.map((a) => (a.id === 'openPane' ? { ...a, type: 'ShowTaskpane' } : a)) },
  ],
};

test.each(RULES)('a manifest broken for %s fails naming that rule', (rule) => {
  const broken = BROKEN[rule](manifest);
  const [xml, file] = typeof broken === 'string' ? [broken, shortcuts] : broken;
  expect([xml, file]).not.toEqual([manifest, shortcuts]);
  expect(rulesOf(xml, file)).toContain(rule);
});
