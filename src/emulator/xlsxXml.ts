/** Small pieces of SpreadsheetML shared by the .xlsx reader and writer. */

export const NS = {
  main: 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
  r: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  rels: 'http://schemas.openxmlformats.org/package/2006/relationships',
  types: 'http://schemas.openxmlformats.org/package/2006/content-types',
  rel: (type: string) => `http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}`,
  ct: (type: string) => `application/vnd.openxmlformats-officedocument.${type}+xml`,
};

/** The prefix a part binds SpreadsheetML's namespace to ("x" in <x:worksheet xmlns:x="…">), if it uses one. */
export function mainPrefix(head: string): string | undefined {
  const m = /<(\w+):(?:worksheet|workbook|sst|styleSheet|table|pivotTableDefinition|pivotCacheDefinition)[\s>]/.exec(
    head,
  );
  return m && head.includes(`xmlns:${m[1]}="${NS.main}"`) ? m[1] : undefined;
}

/**
 * A part written with a namespace prefix (as some .NET tools write: <x:c r="A1">) in the plain form
 * the reader and writer scan for, with the namespace made the default one.
 */
export function unprefix(xml: string): string {
  const p = mainPrefix(xml.slice(0, 4096));
  if (!p) return xml;
  return xml
    .replace(new RegExp(`<(/?)${p}:`, 'g'), '<$1')
    .replace(`xmlns:${p}="${NS.main}"`, `xmlns="${NS.main}" xmlns:${p}="${NS.main}"`);
}

export function escapeXml(s: string): string {
  // Control characters XML 1.0 cannot carry go out as SpreadsheetML's _xHHHH_ escapes.
  return s
    .replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'))
    .replace(/_(?=x[0-9A-Fa-f]{4}_)|[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, (c) =>
      c === '_' ? '_x005F_' : `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`,
    );
}

export function unescapeXml(s: string): string {
  if (s.includes('&')) {
    s = s.replace(/&(lt|gt|amp|quot|apos|#x[0-9a-fA-F]+|#[0-9]+);/g, (_, e: string) =>
      e === 'lt'
        ? '<'
        : e === 'gt'
          ? '>'
          : e === 'amp'
            ? '&'
            : e === 'quot'
              ? '"'
              : e === 'apos'
                ? "'"
                : String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)),
    );
  }
  if (s.includes('_x')) s = s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
  return s;
}

/** The attributes of one start tag's text ("<c r=\"A1\" s=\"2\">"), prefixes kept ("r:id"). */
export function attrsOf(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(tag))) out[m[1]] = unescapeXml(m[2] ?? m[3]);
  // The relationships namespace under another prefix than "r" (some generators): read as r:id too.
  if (out['r:id'] === undefined) {
    const other = Object.keys(out).find((k) => /^\w+:id$/.test(k) && !k.startsWith('xmlns'));
    if (other) out['r:id'] = out[other];
  }
  return out;
}

/** Every element `<name …>` (or `<prefix:name …>`) in a text: its attributes and inner text. */
export function elements(
  xml: string,
  name: string,
): { attrs: Record<string, string>; inner: string; start: number; end: number }[] {
  const out: { attrs: Record<string, string>; inner: string; start: number; end: number }[] = [];
  const re = new RegExp(`<((?:\\w+:)?${name})(\\s[^>]*?)?(/?)>`, 'g');
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml))) {
    const attrs = attrsOf(m[2] ?? '');
    if (m[3] === '/') {
      out.push({ attrs, inner: '', start: m.index, end: re.lastIndex });
      continue;
    }
    const close = xml.indexOf(`</${m[1]}>`, re.lastIndex);
    const end = close < 0 ? xml.length : close;
    out.push({
      attrs,
      inner: xml.slice(re.lastIndex, end),
      start: m.index,
      end: close < 0 ? end : end + m[1].length + 3,
    });
    re.lastIndex = close < 0 ? end : end + m[1].length + 3;
  }
  return out;
}

export function firstElement(xml: string, name: string) {
  return elements(xml, name)[0];
}

export interface Relationship {
  id: string;
  type: string;
  /** The part's name in the package ("xl/worksheets/sheet1.xml"), or the URL of an external target. */
  target: string;
  external: boolean;
}

/** The part that holds a part's relationships: xl/worksheets/_rels/sheet1.xml.rels. */
export function relsPathOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

export function resolvePart(from: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = from.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.') parts.push(seg);
  }
  return parts.join('/');
}

/** A relative target from one part to another ("../tables/table1.xml"). */
export function relativeTarget(from: string, to: string): string {
  const a = from.split('/').slice(0, -1);
  const b = to.split('/');
  let i = 0;
  while (i < a.length && i < b.length - 1 && a[i] === b[i]) i++;
  return [...Array(a.length - i).fill('..'), ...b.slice(i)].join('/');
}

export function parseRels(xml: string, part: string): Relationship[] {
  return elements(xml, 'Relationship').map(({ attrs }) => {
    const external = attrs.TargetMode === 'External';
    return {
      id: attrs.Id,
      type: attrs.Type.slice(attrs.Type.lastIndexOf('/') + 1),
      target: external ? attrs.Target : resolvePart(part, attrs.Target),
      external,
    };
  });
}

export function relsXml(rels: { id: string; type: string; target: string; external?: boolean }[]): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS.rels}">${rels
    .map(
      (r) =>
        `<Relationship Id="${r.id}" Type="${r.type.includes('/') ? r.type : NS.rel(r.type)}" ` +
        `Target="${escapeXml(r.target)}"${r.external ? ' TargetMode="External"' : ''}/>`,
    )
    .join('')}</Relationships>`;
}

/** Excel's built-in number formats by id (ECMA-376 §18.8.30), as Excel in English shows them. */
export const BUILTIN_FORMATS: Record<number, string> = {
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'm/d/yyyy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yyyy h:mm',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00;(#,##0.00)',
  40: '#,##0.00;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
  // Ids 27–36 and 50–58 are locale-dependent; these are Japanese Excel's.
  27: '[$-411]ge.m.d',
  28: '[$-411]ggge"年"m"月"d"日"',
  29: '[$-411]ggge"年"m"月"d"日"',
  30: 'm/d/yy',
  31: 'yyyy"年"m"月"d"日"',
  32: 'h"時"mm"分"',
  33: 'h"時"mm"分"ss"秒"',
  34: 'yyyy"年"m"月"',
  35: 'm"月"d"日"',
  36: '[$-411]ge.m.d',
  50: '[$-411]ge.m.d',
  51: '[$-411]ggge"年"m"月"d"日"',
  52: 'yyyy"年"m"月"',
  53: 'm"月"d"日"',
  54: '[$-411]ggge"年"m"月"d"日"',
  55: 'yyyy"年"m"月"',
  56: 'm"月"d"日"',
  57: '[$-411]ge.m.d',
  58: '[$-411]ggge"年"m"月"d"日"',
};

const SERIAL_EPOCH = Date.UTC(1899, 11, 30);
/** An ISO date-time (a t="d" cell) as Excel's serial day number. */
export function isoToSerial(iso: string): number {
  const ms = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(iso) || !iso.includes('T') ? iso : `${iso}Z`);
  return (ms - SERIAL_EPOCH) / 86400000;
}
