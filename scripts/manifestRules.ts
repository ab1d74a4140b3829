/**
 * Offline manifest checks: what Microsoft's (online) validator would reject, as named rules over
 * the manifest XML. Microsoft ships no XSD in any npm package, so these are the project's own.
 * Limits from the add-in manifest reference (learn.microsoft.com/javascript/api/manifest):
 * ShortString ≤ 125 characters, LongString ≤ 250, DisplayName ≤ 125, Description ≤ 250,
 * resource ids ≤ 32; ribbon icons need 16, 32 and 80 px (20, 24, 40, 48, 64 are also allowed).
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export const RULES = [
  'xml-well-formed',
  'resid-resolves',
  'ids-unique',
  'urls-https-same-origin',
  'icon-sizes',
  'string-lengths',
  'ja-JP-overrides',
  'functions-associated',
  'shortcuts-declared',
  'shortcuts-execute-function',
] as const;
export type RuleName = (typeof RULES)[number];

export interface RuleViolation {
  rule: RuleName;
  message: string;
}

interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

function toTree(node: unknown, name: string): XmlElement[] {
  const list = Array.isArray(node) ? node : [node];
  return list.map((n) => {
    const el: XmlElement = { name, attrs: {}, children: [], text: '' };
    if (typeof n !== 'object' || n === null) {
      el.text = n === undefined || n === null ? '' : String(n);
      return el;
    }
    for (const [k, v] of Object.entries(n as Record<string, unknown>)) {
      if (k.startsWith('@_')) el.attrs[k.slice(2)] = String(v);
      else if (k === '#text') el.text = String(v);
      else el.children.push(...toTree(v, k));
    }
    return el;
  });
}

function* walk(el: XmlElement): Generator<XmlElement> {
  yield el;
  for (const c of el.children) yield* walk(c);
}

const local = (name: string) => name.replace(/^.*:/, '');

/** Parses the manifest into a simple element tree (namespaced names kept, e.g. bt:String). */
export function parseManifest(xml: string): XmlElement {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new Error(`${valid.err.msg} (line ${valid.err.line})`);
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    parseAttributeValue: false,
    parseTagValue: false,
    isArray: () => true,
  });
  const doc = parser.parse(xml) as Record<string, unknown>;
  const root = doc.OfficeApp;
  if (!root) throw new Error('no OfficeApp root element');
  return toTree(root, 'OfficeApp')[0];
}

const SHORT_MAX = 125;
const LONG_MAX = 250;
const RESID_MAX = 32;
const REQUIRED_ICON_SIZES = ['16', '32', '80'];
const ALLOWED_ICON_SIZES = ['16', '20', '24', '32', '40', '48', '64', '80'];

/** The shortcuts file the manifest's ExtendedOverrides points at (what shortcutsJson writes). */
export interface ShortcutsFile {
  actions: { id: string; type: string }[];
  shortcuts?: { action: string }[];
}

/**
 * Checks a manifest. `executeFunctionIds` are the function names the code associates with
 * Office.actions.associate (from the command registry); `shortcuts` is the ExtendedOverrides
 * shortcuts file, whose actions must all be associated ExecuteFunction actions — a ShowTaskpane
 * action there does nothing (P design/keyboard-shortcuts.md: actions are "type": "ExecuteFunction").
 */
export function checkManifest(
  xml: string,
  executeFunctionIds: readonly string[],
  shortcuts?: ShortcutsFile,
): RuleViolation[] {
  const out: RuleViolation[] = [];
  let root: XmlElement;
  try {
    root = parseManifest(xml);
  } catch (error) {
    return [{ rule: 'xml-well-formed', message: `the manifest is not well-formed XML: ${(error as Error).message}` }];
  }
  const all = [...walk(root)];
  // Resources are the elements with an id (an <Icon>'s bt:Image only points at one with resid).
  const resources = all.filter((e) => ['bt:Image', 'bt:Url', 'bt:String'].includes(e.name) && e.attrs.id !== undefined);
  const resourceIds = new Map<string, XmlElement>();
  for (const r of resources) {
    const id = r.attrs.id ?? '';
    if (resourceIds.has(id)) out.push({ rule: 'ids-unique', message: `resource id "${id}" is defined twice` });
    resourceIds.set(id, r);
    if (id.length > RESID_MAX)
      out.push({ rule: 'resid-resolves', message: `resource id "${id}" is longer than ${RESID_MAX} characters` });
  }
  for (const e of all) {
    const resid = e.attrs.resid;
    if (resid !== undefined && !resourceIds.has(resid))
      out.push({ rule: 'resid-resolves', message: `<${e.name} resid="${resid}"> names no resource` });
  }
  const controlIds = new Set<string>();
  for (const e of all.filter((x) => ['Control', 'Group', 'CustomTab'].includes(x.name))) {
    const id = e.attrs.id ?? '';
    if (controlIds.has(id)) out.push({ rule: 'ids-unique', message: `control id "${id}" is used twice` });
    controlIds.add(id);
  }

  const source = all.find((e) => e.name === 'SourceLocation' && e.attrs.DefaultValue)?.attrs.DefaultValue ?? '';
  let origin = '';
  try {
    origin = new URL(source).origin;
  } catch {
    out.push({ rule: 'urls-https-same-origin', message: `DefaultSettings/SourceLocation "${source}" is not a URL` });
  }
  const urls: [string, string][] = [];
  for (const e of all) {
    if (
      ['bt:Url', 'bt:Image', 'IconUrl', 'HighResolutionIconUrl', 'SupportUrl', 'SourceLocation'].includes(e.name) &&
      e.attrs.DefaultValue
    )
      urls.push([e.name, e.attrs.DefaultValue]);
    if (e.name === 'AppDomain') urls.push([e.name, e.text]);
    if (e.name === 'ExtendedOverrides' && e.attrs.Url) urls.push([e.name, e.attrs.Url]);
  }
  for (const [where, u] of urls) {
    let parsed: URL | undefined;
    try {
      parsed = new URL(u);
    } catch {
      out.push({ rule: 'urls-https-same-origin', message: `${where} "${u}" is not a URL` });
      continue;
    }
    if (parsed.protocol !== 'https:')
      out.push({ rule: 'urls-https-same-origin', message: `${where} "${u}" is not https` });
    else if (origin && parsed.origin !== origin)
      out.push({ rule: 'urls-https-same-origin', message: `${where} "${u}" is not on the add-in's origin ${origin}` });
  }

  for (const icon of all.filter((e) => e.name === 'Icon')) {
    const sizes = icon.children.filter((c) => local(c.name) === 'Image').map((c) => c.attrs.size);
    for (const s of REQUIRED_ICON_SIZES)
      if (!sizes.includes(s)) out.push({ rule: 'icon-sizes', message: `an <Icon> lacks the ${s} px image` });
    for (const s of sizes)
      if (!ALLOWED_ICON_SIZES.includes(s))
        out.push({ rule: 'icon-sizes', message: `icon size ${s} is not allowed (${ALLOWED_ICON_SIZES.join(', ')})` });
  }

  const checkLength = (what: string, value: string, max: number) => {
    if (value.length > max)
      out.push({ rule: 'string-lengths', message: `${what} is ${value.length} characters; at most ${max}` });
  };
  const inside = (e: XmlElement, container: string) => all.some((c) => c.name === container && c.children.includes(e));
  for (const s of all.filter((e) => e.name === 'bt:String')) {
    const max = inside(s, 'bt:LongStrings') ? LONG_MAX : SHORT_MAX;
    checkLength(`string "${s.attrs.id}"`, s.attrs.DefaultValue ?? '', max);
    for (const o of s.children.filter((c) => c.name === 'bt:Override'))
      checkLength(`string "${s.attrs.id}" (${o.attrs.Locale})`, o.attrs.Value ?? '', max);
    if (!s.children.some((c) => c.name === 'bt:Override' && c.attrs.Locale === 'ja-JP'))
      out.push({ rule: 'ja-JP-overrides', message: `string "${s.attrs.id}" has no ja-JP override` });
  }
  for (const [name, max] of [
    ['DisplayName', SHORT_MAX],
    ['Description', LONG_MAX],
  ] as const) {
    const e = root.children.find((c) => c.name === name);
    if (!e) continue;
    checkLength(name, e.attrs.DefaultValue ?? '', max);
    if (!e.children.some((c) => c.name === 'Override' && c.attrs.Locale === 'ja-JP'))
      out.push({ rule: 'ja-JP-overrides', message: `${name} has no ja-JP override` });
  }

  for (const f of all.filter((e) => e.name === 'FunctionName')) {
    if (!executeFunctionIds.includes(f.text))
      out.push({
        rule: 'functions-associated',
        message: `ExecuteFunction "${f.text}" is not associated in the code (Office.actions.associate)`,
      });
  }
  if (!root.children.some((c) => c.name === 'ExtendedOverrides' && c.attrs.Url))
    out.push({ rule: 'shortcuts-declared', message: 'no <ExtendedOverrides Url> declares the keyboard shortcuts' });
  for (const a of shortcuts?.actions ?? []) {
    if (a.type !== 'ExecuteFunction')
      out.push({
        rule: 'shortcuts-execute-function',
        message: `shortcut action "${a.id}" is "${a.type}"; only ExecuteFunction actions run from a shortcut`,
      });
    else if (!executeFunctionIds.includes(a.id))
      out.push({
        rule: 'shortcuts-execute-function',
        message: `shortcut action "${a.id}" is not associated in the code (Office.actions.associate)`,
      });
  }
  return out;
}
