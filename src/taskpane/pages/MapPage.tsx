import { Badge, Body1, Button, Caption1, Select, Subtitle2 } from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useState, type ReactElement } from 'react';
import { columnLetter } from '../../excelSpec';
import { checkMapping, type MappingWarning } from '../../core/mapping/checkMapping';
import type { Mapping } from '../../core/mapping/detectMapping';
import { DECISION_FIELDS, REQUIRED_FIELDS, VERDICTS, type DecisionField } from '../../core/model';
import type { CellValue } from '../../excelSpec';
import { mapFlow, saveMapping, type MapResult } from '../../flows/mapFlow';
import { EmptyState } from '../shell/EmptyState';
import { DataTable } from '../shell/DataTable';
import { FlowStatus } from '../shell/FlowStatus';
import { Notice } from '../shell/Notice';
import { usePage } from '../shell/usePage';

const text = (v: CellValue | undefined) => (v === undefined ? '' : String(v));

/** Map: the detected columns with their confidence, a dropdown per field to correct them, a preview. */
export default function MapPage(): ReactElement {
  const { t, styles, session, flow } = usePage();
  const [result, setResult] = useState<MapResult>();
  const [mapping, setMapping] = useState<Mapping>({});
  const [edited, setEdited] = useState<Set<DecisionField>>(new Set());
  const [confirmed, setConfirmed] = useState(false);

  const detect = useCallback(
    async (sheet?: string) => {
      const found = await flow.run(() => mapFlow(session.host.runner, { sheet, previewRows: 5 }));
      if (!found) return;
      setResult(found);
      setMapping(found.mapping);
      setEdited(new Set());
      setConfirmed(false);
    },
    [flow.run, session.host.runner],
  );

  // Checked on every change of the mapping: a column taken twice, a verdict column without verdicts.
  const warnings = useMemo(() => (result ? checkMapping(mapping, result.below) : []), [result, mapping]);

  useEffect(() => {
    void detect(session.sheet);
    // Detect once on opening; later runs are the analyst's.
  }, []);

  const confirm = async () => {
    if (!result) return;
    const done = await flow.run(async () => {
      await saveMapping(session.host.runner, result.sheet, mapping);
      return true;
    });
    if (done) {
      session.update({ sheet: result.sheet, mapping });
      setConfirmed(true);
    }
  };

  if (!result) {
    return (
      <div className={styles.page}>
        <EmptyState titleKey="empty.map.title" bodyKey="empty.map.body" />
        <FlowStatus flow={flow} />
        <div className={styles.row}>
          <Button appearance="primary" disabled={flow.running} onClick={() => void detect()}>
            {t('map.detect')}
          </Button>
        </div>
      </div>
    );
  }

  const header = result.preview[0] ?? [];
  const missing = REQUIRED_FIELDS.filter((f) => mapping[f] === undefined);
  const used = new Set(Object.values(mapping));
  const unmapped = header.map((h, i) => ({ h: text(h), i })).filter(({ h, i }) => h !== '' && !used.has(i));
  /** A column as the analyst sees it: its letter and header, "C (Decision)". */
  const columnName = (column: number) => `${columnLetter(column)} (${text(header[column])})`;
  const warningText = (w: MappingWarning) => {
    if (w.code === 'sameColumn')
      return t('map.warn.sameColumn', {
        column: columnName(w.column),
        fields: w.fields.map((f) => t(`field.${f}`)).join(', '),
      });
    if (w.code === 'emptyVerdicts') return t('map.warn.emptyVerdicts', { column: columnName(w.column), rows: w.rows });
    return t('map.warn.noVerdicts', {
      column: columnName(w.column),
      rows: w.rows,
      values: w.values.map((v) => `"${v}"`).join(', '),
      examples: VERDICTS.map((v) => t(`verdict.${v}`)).join(', '),
    });
  };
  const matchLabel = (field: DecisionField) => {
    if (edited.has(field))
      return (
        <Badge appearance="tint" color="informative">
          {t('map.manual')}
        </Badge>
      );
    const match = result.matches[field];
    if (!match || mapping[field] === undefined) return null;
    return match.confidence >= 1 ? (
      <Badge appearance="tint" color="success">
        {t('map.exact')}
      </Badge>
    ) : (
      <Badge appearance="tint" color="warning">
        {t('map.near', { percent: Math.round(match.confidence * 100) })}
      </Badge>
    );
  };

  return (
    <div className={styles.page}>
      <section className={styles.section} aria-labelledby="map-title">
        <Subtitle2 as="h2" id="map-title">
          {t('map.sheet', { sheet: result.sheet, row: result.headerRow + 1 })}
        </Subtitle2>
        {result.confirmed && !confirmed && <Caption1 className={styles.muted}>{t('map.fromSettings')}</Caption1>}
        <FlowStatus flow={flow} />
        {missing.length > 0 && (
          <Notice intent="warning">
            {t('map.missing', { fields: missing.map((f) => t(`field.${f}`)).join(', ') })}
          </Notice>
        )}
        {warnings.map((w) => (
          <Notice key={`${w.code}-${w.column}`} intent="warning" testId={`map-warning-${w.code}`}>
            {warningText(w)}
          </Notice>
        ))}
        {confirmed && <Notice intent="success">{t('map.confirmed')}</Notice>}
        <DataTable
          aria-labelledby="map-title"
          columns={[t('map.field'), t('map.column'), t('map.confidence')]}
          rows={DECISION_FIELDS.map((field) => ({
            key: field,
            cells: [
              <label key="label" htmlFor={`map-${field}`}>
                {t(`field.${field}`)}
                {REQUIRED_FIELDS.includes(field) ? ` (${t('map.required')})` : ''}
              </label>,
              <Select
                key="column"
                id={`map-${field}`}
                size="small"
                value={mapping[field] === undefined ? '' : String(mapping[field])}
                onChange={(_, data) => {
                  const next = { ...mapping };
                  if (data.value === '') delete next[field];
                  else next[field] = Number(data.value);
                  setMapping(next);
                  setEdited(new Set(edited).add(field));
                  setConfirmed(false);
                }}
              >
                <option value="">{t('map.none')}</option>
                {header.map((h, i) => (
                  <option key={i} value={String(i)}>
                    {columnLetter(i)}: {text(h)}
                  </option>
                ))}
              </Select>,
              matchLabel(field),
            ],
          }))}
        />
        {unmapped.length > 0 && (
          <Caption1 className={styles.muted}>
            {t('map.unmapped', { columns: unmapped.map(({ h, i }) => `${columnLetter(i)} ${h}`).join(', ') })}
          </Caption1>
        )}
        <div className={styles.row}>
          <Button appearance="primary" disabled={flow.running || missing.length > 0} onClick={() => void confirm()}>
            {t('map.confirm')}
          </Button>
          <Button disabled={flow.running} onClick={() => void detect()}>
            {t('map.detect')}
          </Button>
        </div>
      </section>
      <div className={styles.section}>
        <Body1 as="h3" id="map-preview">
          <strong>{t('map.preview')}</strong>
        </Body1>
        <div className={styles.scroll} tabIndex={0} role="region" aria-labelledby="map-preview">
          <DataTable
            size="extra-small"
            className={styles.table}
            headerClassName={styles.nowrap}
            columns={header.map((h) => text(h))}
            rows={result.preview.slice(1).map((row, r) => ({
              key: r,
              cells: header.map((_, c) => (
                <span key={c} className={styles.cellText}>
                  {text(row[c])}
                </span>
              )),
            }))}
          />
        </div>
      </div>
    </div>
  );
}
