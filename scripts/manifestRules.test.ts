import * as fs from 'node:fs';
import * as path from 'node:path';
import { COMMAND_LIST } from '../src/commands/registry';
import { buildManifest } from './buildManifest';
import { checkManifest, RULES, type RuleName } from './manifestRules';

const manifest = fs.readFileSync(path.join(__dirname, '..', 'manifest.xml'), 'utf8');
const associated = COMMAND_LIST.filter((c) => c.kind === 'ExecuteFunction').map((c) => c.id);
const rulesOf = (xml: string) => [...new Set(checkManifest(xml, associated).map((v) => v.rule))];

test('manifest.xml is generated from the registry and catalogs, and is up to date', () => {
  expect(manifest).toBe(buildManifest());
});

test('manifest.xml passes every rule', () => {
  expect(checkManifest(manifest, associated)).toEqual([]);
});

const BROKEN: Record<RuleName, (xml: string) => string> = {
  'xml-well-formed': (x) => x.replace('</OfficeApp>', ''),
  'resid-resolves': (x) => x.replace('<Label resid="Group.Label"/>', '<Label resid="Group.Missing"/>'),
  'ids-unique': (x) => x.replace('id="ModerationQA.Validate"', 'id="ModerationQA.OpenPane"'),
  'urls-https-same-origin': (x) => x.replace('https://localhost:3000/help.html"/>\n      </bt:Urls>', 'http://elsewhere.example.com/help.html"/>\n      </bt:Urls>'),
  'icon-sizes': (x) => x.replace(/<bt:Image size="80" resid="Icon.80"\/>/, ''),
  'string-lengths': (x) => x.replace('DefaultValue="Quality inspection"', `DefaultValue="${'x'.repeat(126)}"`),
  'ja-JP-overrides': (x) => x.replace('<bt:Override Locale="ja-JP" Value="品質検査"/>', ''),
  'functions-associated': (x) => x.replace('<FunctionName>validate</FunctionName>', '<FunctionName>validateAll</FunctionName>'),
  'shortcuts-declared': (x) => x.replace(/<ExtendedOverrides [^>]*\/>/, ''),
};

test.each(RULES)('a manifest broken for %s fails naming that rule', (rule) => {
  const broken = BROKEN[rule](manifest);
  expect(broken).not.toBe(manifest);
  expect(rulesOf(broken)).toContain(rule);
});
