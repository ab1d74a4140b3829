import { Button, Field, Link, Select, Subtitle2 } from '@fluentui/react-components';
import { useState, type ReactElement } from 'react';
import { quoteSheetName } from '../../excelSpec';
import { calibrationAgreementFlow, type AgreementFlowResult } from '../../flows/agreementFlow';
import type { BatchInfo } from '../../flows/batches';
import { adjudicationSheetName } from '../../flows/sheets';
import { DataTable } from '../shell/DataTable';
import { FlowStatus } from '../shell/FlowStatus';
import { Notice } from '../shell/Notice';
import { usePage } from '../shell/usePage';

const num = (v: number) => (Number.isFinite(v) ? v.toFixed(3) : '—');

/**
 * Calibration, on the Report page: compare the inspectors of a calibration batch (agreement,
 * pairwise κ), list their disagreements on the adjudication sheet for a lead to settle, and show
 * each inspector's accuracy against the settled verdicts. Refreshing keeps what the lead settled.
 */
export function CalibrationPanel({ batches }: { batches: BatchInfo[] | undefined }): ReactElement | null {
  const { t, lang, styles, session, flow } = usePage();
  const calibrations = [
    ...new Set((batches ?? []).filter((b) => b.calibration && b.hasSheet).map((b) => b.calibration)),
  ];
  const [chosen, setChosen] = useState<string>();
  const [result, setResult] = useState<AgreementFlowResult>();
  const calibration = chosen ?? calibrations[0];
  if (!batches || calibrations.length === 0) return null;

  const compare = async () => {
    if (!calibration) return;
    const done = await flow.run(() => calibrationAgreementFlow(session.host.runner, calibration, { lang }));
    if (done) setResult(done);
  };
  const r = result?.report;
  const interval = (c: { value: number; low: number; high: number; items: number }) =>
    t('calibration.interval', { value: num(c.value), low: num(c.low), high: num(c.high), items: c.items });

  return (
    <section className={styles.section} aria-labelledby="calibration-title">
      <Subtitle2 as="h2" id="calibration-title">
        {t('calibration.title')}
      </Subtitle2>
      <div className={styles.row}>
        <Field label={t('calibration.batch')}>
          <Select
            value={calibration}
            onChange={(_, d) => {
              setChosen(d.value);
              setResult(undefined);
            }}
          >
            {calibrations.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </Select>
        </Field>
        <Button disabled={flow.running} onClick={() => void compare()}>
          {t('calibration.refresh')}
        </Button>
      </div>
      <FlowStatus flow={flow} />
      {result && r && (
        <>
          <Notice intent={result.openDisagreements ? 'warning' : 'success'}>
            {t('agreement.adjudicated', {
              sheet: adjudicationSheetName(calibration ?? ''),
              open: result.openDisagreements ?? 0,
              count: r.disagreements.length,
            })}
          </Notice>
          <p>
            {t('calibration.alpha', {
              value: num(r.alphaVerdict.value),
              low: num(r.alphaVerdict.low),
              high: num(r.alphaVerdict.high),
              items: r.alphaVerdict.items,
            })}
          </p>
          <DataTable
            aria-label={t('calibration.pairwise')}
            columns={[t('calibration.pairwise'), ...r.raters]}
            rows={r.raters.map((a, i) => ({
              key: a,
              cells: [
                a,
                ...r.raters.map((_, j) => (i === j ? '1' : r.pairwise[i][j] ? interval(r.pairwise[i][j]!) : '—')),
              ],
              cellAttributes: [
                undefined,
                ...r.raters.map((b, j) => ({ 'data-kappa': i === j ? undefined : `${a}|${b}` })),
              ],
            }))}
          />
          <DataTable
            aria-label={t('calibration.accuracy')}
            columns={[t('agreement.col.rater'), t('calibration.accuracy')]}
            rows={(result.accuracy ?? []).map((a) => ({
              key: a.rater,
              cells: [
                a.rater,
                a.of
                  ? t('report.percentWithInterval', {
                      value: `${((a.correct / a.of) * 100).toFixed(1)}% (${a.correct}/${a.of})`,
                      low: `${(a.wilson[0] * 100).toFixed(1)}%`,
                      high: `${(a.wilson[1] * 100).toFixed(1)}%`,
                    })
                  : '—',
              ],
              cellAttributes: [undefined, { 'data-accuracy': a.rater }],
            }))}
          />
          <div className={styles.row}>
            <Link
              as="button"
              onClick={() =>
                void session.host.selectCell(`${quoteSheetName(adjudicationSheetName(calibration ?? ''))}!A1`)
              }
            >
              {t('calibration.goToAdjudication')}
            </Link>
            <Link as="button" onClick={() => void session.host.selectCell(`${quoteSheetName(result.sheet)}!A1`)}>
              {t('calibration.goToReport')}
            </Link>
          </div>
        </>
      )}
    </section>
  );
}
