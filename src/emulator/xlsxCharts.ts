/**
 * Charts as DrawingML parts (ECMA-376 Part 1 §21.2): a drawing part anchors each chart of a sheet,
 * and each chart part holds its type, title and series as references to the sheet's cells with
 * cached values, so Excel and LibreOffice draw it and redraw it when the cells change.
 */
import { formatRange, quoteSheetName, splitAddress, type CellRect } from '../excelSpec';
import { localRect } from './errors';
import type { ChartModel, SheetModel, Value } from './model';
import { escapeXml, unescapeXml, elements, firstElement } from './xlsxXml';

const C_NS = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const A_NS = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const R_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

type Kind = { element: 'barChart' | 'lineChart' | 'pieChart'; barDir?: 'col' | 'bar'; grouping?: string };

/** Excel.ChartType names the report uses, and their nearest relatives, as DrawingML. */
function kindOf(type: string): Kind {
  const t = type.toLowerCase();
  if (t.startsWith('pie') || t.startsWith('doughnut')) return { element: 'pieChart' };
  if (t.startsWith('line')) return { element: 'lineChart', grouping: 'standard' };
  const grouping = t.includes('stacked100') ? 'percentStacked' : t.includes('stacked') ? 'stacked' : 'clustered';
  return { element: 'barChart', barDir: t.startsWith('bar') ? 'bar' : 'col', grouping };
}

function typeOf(xml: string): string | undefined {
  if (xml.includes('<c:pieChart')) return 'Pie';
  if (xml.includes('<c:lineChart')) return 'Line';
  if (!xml.includes('<c:barChart')) return undefined;
  const dir = /<c:barDir val="(\w+)"/.exec(xml)?.[1] ?? 'col';
  const grouping = /<c:grouping val="(\w+)"/.exec(xml)?.[1] ?? 'clustered';
  const stacking = grouping === 'stacked' ? 'Stacked' : grouping === 'percentStacked' ? 'Stacked100' : 'Clustered';
  return `${dir === 'bar' ? 'Bar' : 'Column'}${stacking}`;
}

const ref = (sheet: string, rect: CellRect) => `${quoteSheetName(sheet)}!${formatRange(rect, true)}`;

function cache(kind: 'str' | 'num', values: Value[]): string {
  const pts = values
    .map((v, i) => (v === '' ? '' : `<c:pt idx="${i}"><c:v>${escapeXml(String(v))}</c:v></c:pt>`))
    .join('');
  return kind === 'str'
    ? `<c:strCache><c:ptCount val="${values.length}"/>${pts}</c:strCache>`
    : `<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${values.length}"/>${pts}</c:numCache>`;
}

/**
 * The chart part of a chart whose source is a range of the workbook: first
 * column categories, other columns series (a text first row names them).
 */
export function chartXml(chart: ChartModel, sheetOf: (name: string) => SheetModel | undefined): string {
  const { sheet: sheetName, local } = splitAddress(chart.sourceAddress);
  const sheet = sheetName ? sheetOf(sheetName) : undefined;
  const rect = localRect(local);
  const value = (r: number, c: number): Value => sheet?.value(r, c) ?? '';
  const byRows = chart.seriesBy === 'Rows';
  // Normalise to "series along columns": (i, j) → cell, i the point, j the series (0: categories).
  const cell = (i: number, j: number) =>
    byRows ? { r: rect.row + j, c: rect.column + i } : { r: rect.row + i, c: rect.column + j };
  const points = byRows ? rect.columnCount : rect.rowCount;
  const series = byRows ? rect.rowCount : rect.columnCount;
  const headed = series > 1 && typeof value(cell(0, 1).r, cell(0, 1).c) === 'string';
  const first = headed ? 1 : 0;
  const span = (j: number): CellRect => {
    const a = cell(first, j);
    return byRows
      ? { row: a.r, column: a.c, rowCount: 1, columnCount: points - first }
      : { row: a.r, column: a.c, rowCount: points - first, columnCount: 1 };
  };
  const valuesOf = (j: number) =>
    Array.from({ length: points - first }, (_, i) => value(cell(first + i, j).r, cell(first + i, j).c));
  const kind = kindOf(chart.type);
  const name = sheet?.name ?? sheetName ?? '';
  const ser = Array.from({ length: Math.max(1, series - 1) }, (_, k) => {
    const j = series > 1 ? k + 1 : 0;
    const head = cell(0, j);
    const tx = headed
      ? `<c:tx><c:strRef><c:f>${escapeXml(ref(name, { row: head.r, column: head.c, rowCount: 1, columnCount: 1 }))}` +
        `</c:f>` +
        `${cache('str', [value(head.r, head.c)])}</c:strRef></c:tx>`
      : '';
    const cat =
      series > 1
        ? `<c:cat><c:strRef><c:f>${escapeXml(ref(name, span(0)))}</c:f>` +
          `${cache('str', valuesOf(0).map(String))}</c:strRef></c:cat>`
        : '';
    const val = `<c:val><c:numRef><c:f>${escapeXml(ref(name, span(j)))}</c:f>${cache(
      'num',
      valuesOf(j).map((v) => (typeof v === 'number' ? v : '')),
    )}</c:numRef></c:val>`;
    const extra =
      kind.element === 'barChart'
        ? '<c:invertIfNegative val="0"/>'
        : kind.element === 'lineChart'
          ? '<c:marker><c:symbol val="none"/></c:marker>'
          : '';
    return (
      `<c:ser><c:idx val="${k}"/><c:order val="${k}"/>${tx}${extra}${cat}${val}` +
      `${kind.element === 'lineChart' ? '<c:smooth val="0"/>' : ''}</c:ser>`
    );
  }).join('');
  const axes = kind.element === 'pieChart' ? '' : '<c:axId val="500000001"/><c:axId val="500000002"/>';
  const plot =
    kind.element === 'barChart'
      ? `<c:barChart><c:barDir val="${kind.barDir}"/>` +
        `<c:grouping val="${kind.grouping}"/><c:varyColors val="0"/>${ser}<c:gapWidth ` +
        `val="150"/>${kind.grouping !== 'clustered' ? '<c:overlap val="100"/>' : ''}${axes}</c:barChart>`
      : kind.element === 'lineChart'
        ? `<c:lineChart><c:grouping val="standard"/>` +
          `<c:varyColors val="0"/>${ser}<c:marker val="1"/>${axes}</c:lineChart>`
        : `<c:pieChart><c:varyColors val="1"/>${ser}<c:firstSliceAng val="0"/></c:pieChart>`;
  const axisXml =
    kind.element === 'pieChart'
      ? ''
      : `<c:catAx><c:axId val="500000001"/><c:scaling><c:orientation val="minMax"/></c:scaling>` +
        `<c:delete val="0"/><c:axPos val="${kind.barDir === 'bar' ? 'l' : 'b'}"/><c:numFmt formatCode="General" ` +
        `sourceLinked="1"/><c:tickLblPos val="nextTo"/><c:crossAx val="500000002"/><c:crosses val="autoZero"/>` +
        `<c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/></c:catAx>` +
        `<c:valAx><c:axId val="500000002"/><c:scaling><c:orientation val="minMax"/></c:scaling>` +
        `<c:delete val="0"/><c:axPos val="${kind.barDir === 'bar' ? 'b' : 'l'}"/><c:majorGridlines/>` +
        `<c:numFmt formatCode="General" sourceLinked="1"/><c:tickLblPos val="nextTo"/>` +
        `<c:crossAx val="500000001"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>`;
  const title = chart.title
    ? `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:r><a:t>${escapeXml(chart.title)}</a:t>` +
      `</a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>`
    : '<c:autoTitleDeleted val="1"/>';
  const legend =
    series > 2 || kind.element === 'pieChart' ? '<c:legend><c:legendPos val="r"/><c:overlay val="0"/></c:legend>' : '';
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<c:chartSpace ` +
    `xmlns:c="${C_NS}" xmlns:a="${A_NS}" xmlns:r="${R_NS}">` +
    `<c:roundedCorners val="0"/><c:chart>${title}<c:plotArea>` +
    `<c:layout/>${plot}${axisXml}</c:plotArea>${legend}<c:plotVisOnly ` +
    `val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`
  );
}

/** The drawing part that places a sheet's charts (rIds chart1…), each to the right of its source. */
export function drawingXml(charts: { chart: ChartModel; rid: string }[]): string {
  const anchors = charts.map(({ chart, rid }, i) => {
    let at = { row: 1, column: 4 };
    try {
      const rect = localRect(splitAddress(chart.sourceAddress).local);
      at = { row: rect.row, column: rect.column + rect.columnCount + 1 };
    } catch {
      // a source we cannot place by: the default spot
    }
    const marker = (r: number, c: number) =>
      `<xdr:col>${c}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${r}</xdr:row><xdr:rowOff>0</xdr:rowOff>`;
    return (
      `<xdr:twoCellAnchor editAs="oneCell"><xdr:from>${marker(at.row + i * 16, at.column)}</xdr:from>` +
      `<xdr:to>${marker(at.row + i * 16 + 15, at.column + 7)}</xdr:to><xdr:graphicFrame macro="">` +
      `<xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${escapeXml(chart.name)}"/>` +
      `<xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/>` +
      `</xdr:xfrm><a:graphic><a:graphicData uri="${C_NS}"><c:chart xmlns:c="${C_NS}" r:id="${rid}"/>` +
      `</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
    );
  });
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr ` +
    `xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" ` +
    `xmlns:a="${A_NS}" xmlns:r="${R_NS}">${anchors.join('')}</xdr:wsDr>`
  );
}

/** A chart part read back as the model's chart: type, title, and the range its series span. */
export function readChart(xml: string, drawing: string, rid: string): Omit<ChartModel, 'id'> | undefined {
  const type = typeOf(xml);
  if (!type) return undefined;
  const title = elements(firstElement(xml, 'title')?.inner ?? '', 't')
    .map((e) => unescapeXml(e.inner))
    .join('');
  let sheet = '';
  let box: { r0: number; c0: number; r1: number; c1: number } | undefined;
  for (const { inner } of elements(xml, 'f')) {
    try {
      const { sheet: s, local } = splitAddress(unescapeXml(inner).replace(/\$/g, ''));
      const rect = localRect(local.includes(':') ? local : `${local}:${local}`);
      sheet ||= s ?? '';
      box = box
        ? {
            r0: Math.min(box.r0, rect.row),
            c0: Math.min(box.c0, rect.column),
            r1: Math.max(box.r1, rect.row + rect.rowCount),
            c1: Math.max(box.c1, rect.column + rect.columnCount),
          }
        : { r0: rect.row, c0: rect.column, r1: rect.row + rect.rowCount, c1: rect.column + rect.columnCount };
    } catch {
      // a reference to something other than cells
    }
  }
  const frame = drawing.split('</xdr:graphicFrame>').find((f) => f.includes(`r:id="${rid}"`));
  const name = frame ? /<xdr:cNvPr [^>]*name="([^"]*)"/.exec(frame)?.[1] : undefined;
  const sourceAddress = box
    ? `${quoteSheetName(sheet)}!` +
      formatRange({ row: box.r0, column: box.c0, rowCount: box.r1 - box.r0, columnCount: box.c1 - box.c0 })
    : '';
  return { name: name ? unescapeXml(name) : 'Chart 1', type, sourceAddress, seriesBy: 'Columns', title };
}
