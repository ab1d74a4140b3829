import { Body1, Button, Caption1, Link, Subtitle2, Tab, TabList, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useMemo, useState, type ReactElement } from 'react';
import type { FindingSeverity } from '../../core/model';
import type { FindingCode } from '../../core/findings/finding';
import { findingTitle, renderFinding } from '../../flows/renderFinding';
import { validateFlow, type ValidateResult } from '../../flows/validateFlow';
import { EmptyState } from '../shell/EmptyState';
import { FlowStatus } from '../shell/FlowStatus';
import { DataTable } from '../shell/DataTable';
import { Notice } from '../shell/Notice';
import { usePage } from '../shell/usePage';

/** Findings listed at once; the rest are in the QA Findings sheet (a list of 200,000 buttons helps nobody). */
const SHOWN = 300;
const SEVERITIES: FindingSeverity[] = ['error', 'warning', 'info'];

const useStyles = makeStyles({
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  finding: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    textAlign: 'start',
    gap: tokens.spacingVerticalXXS,
  },
  group: { marginTop: tokens.spacingVerticalS },
  suggestion: { color: tokens.colorNeutralForeground3 },
});

/** Validate: counts per rule, findings grouped by rule and filtered by severity; a finding selects its cell. */
export default function ValidatePage(): ReactElement {
  const { t, lang, styles: page, session, flow } = usePage();
  const styles = useStyles();
  const [result, setResult] = useState<ValidateResult>();
  const [severity, setSeverity] = useState<FindingSeverity | 'all'>('all');
  const [rule, setRule] = useState<FindingCode | undefined>();
  // The finding the analyst went to (its cell is selected in the grid): an index into the filtered list.
  const [current, setCurrent] = useState<number>();
  const clearFilters = () => {
    setRule(undefined);
    setSeverity('all');
  };

  const validate = async () => {
    const done = await flow.run((control) =>
      validateFlow(session.host.runner, { ...control, sheet: session.sheet, mapping: session.mapping, lang }),
    );
    if (done) {
      setResult(done);
      setRule(undefined);
      setSeverity('all');
    }
  };

  // The ribbon's Validate (or its shortcut) validates at once.
  useEffect(() => {
    if (session.start?.page === 'validate') {
      session.consumeStart();
      void validate();
    }
  });

  const counts = useMemo(() => {
    if (!result) return [];
    return (Object.entries(result.counts) as [FindingCode, number][])
      .filter(([, n]) => n > 0)
      .sort((a, b) => b[1] - a[1]);
  }, [result]);
  const severityCount = (s: FindingSeverity) => result?.findings.filter((f) => f.severity === s).length ?? 0;
  const filtered = useMemo(
    () =>
      result
        ? result.findings.filter((f) => (severity === 'all' || f.severity === severity) && (!rule || f.code === rule))
        : [],
    [result, severity, rule],
  );
  const groups = useMemo(() => {
    const byCode = new Map<FindingCode, { finding: (typeof filtered)[number]; index: number }[]>();
    filtered
      .slice(0, SHOWN)
      .forEach((finding, index) => byCode.set(finding.code, [...(byCode.get(finding.code) ?? []), { finding, index }]));
    return [...byCode.entries()];
  }, [filtered]);
  // A new filter starts the walk again.
  useEffect(() => setCurrent(undefined), [filtered]);

  /**
   * Findings are marked in the grid by going to them: the cell is selected (the decisions sheet is
   * never written to, so no fill or note), one finding after another with Previous/Next. The
   * QA Findings sheet lists every finding with its sheet and cell.
   */
  const goTo = (index: number) => {
    const finding = filtered[index];
    if (!finding) return;
    setCurrent(index);
    void session.host.selectCell(finding.address);
  };
  const filterText = `${rule ? findingTitle(rule, lang) : t('validate.allRules')} · ${t(`severity.${severity}`)}`;

  return (
    <div className={page.page}>
      {!result && <EmptyState titleKey="empty.validate.title" bodyKey="empty.validate.body" />}
      <div className={page.row}>
        <Button appearance="primary" disabled={flow.running} onClick={() => void validate()}>
          {t(result ? 'validate.again' : 'validate.run')}
        </Button>
      </div>
      <FlowStatus flow={flow} />
      {result && (
        <>
          <Notice intent={result.findings.length ? 'warning' : 'success'}>
            {t('validate.checked', {
              rows: result.rowsChecked.toLocaleString(lang),
              sheet: result.sheet,
              findings: result.findings.length.toLocaleString(lang),
            })}
            {result.findings.length === 0 ? ` ${t('validate.clean')}` : ''}
          </Notice>
          {counts.length > 0 && (
            <section className={page.section} aria-labelledby="rules-title">
              <Subtitle2 as="h2" id="rules-title">
                {t('validate.byRule')}
              </Subtitle2>
              <DataTable
                aria-labelledby="rules-title"
                columns={[t('validate.rule'), t('validate.count')]}
                rows={counts.map(([code, n]) => ({
                  key: code,
                  selected: rule === code,
                  cells: [
                    <Link
                      key="rule"
                      as="button"
                      onClick={() => setRule(rule === code ? undefined : code)}
                      aria-pressed={rule === code}
                    >
                      {findingTitle(code, lang)}
                    </Link>,
                    n.toLocaleString(lang),
                  ],
                }))}
              />
            </section>
          )}
          {result.findings.length > 0 && (
            <section className={page.section} aria-labelledby="findings-title">
              <Subtitle2 as="h2" id="findings-title">
                {t('validate.list')}
              </Subtitle2>
              <TabList
                size="small"
                selectedValue={severity}
                onTabSelect={(_, data) => setSeverity(data.value as FindingSeverity | 'all')}
                aria-label={t('validate.filter')}
              >
                <Tab value="all">
                  {t('severity.all')} ({result.findings.length.toLocaleString(lang)})
                </Tab>
                {SEVERITIES.filter((s) => severityCount(s) > 0).map((s) => (
                  <Tab key={s} value={s}>
                    {t(`severity.${s}`)} ({severityCount(s).toLocaleString(lang)})
                  </Tab>
                ))}
              </TabList>
              {(rule || severity !== 'all') && filtered.length > 0 && (
                <div className={page.row}>
                  <Caption1>
                    {t('validate.showing', {
                      rule: rule ? findingTitle(rule, lang) : t('validate.allRules'),
                      severity: t(`severity.${severity}`),
                    })}
                  </Caption1>
                  <Button size="small" onClick={clearFilters}>
                    {t('validate.clearFilters')}
                  </Button>
                </div>
              )}
              {/* A rule and a severity with nothing in common: say so, and the way back. */}
              {filtered.length === 0 && (
                <Notice
                  intent="info"
                  testId="validate-no-match"
                  actions={[{ label: t('validate.clearFilters'), onClick: clearFilters }]}
                >
                  {t('validate.noMatch', {
                    rule: rule ? findingTitle(rule, lang) : t('validate.allRules'),
                    severity: t(`severity.${severity}`),
                  })}
                </Notice>
              )}
              {filtered.length > 0 && (
                <div className={page.row} role="group" aria-label={filterText}>
                  <Button
                    size="small"
                    disabled={current === undefined || current === 0}
                    onClick={() => goTo((current ?? 0) - 1)}
                  >
                    {t('validate.previousFinding')}
                  </Button>
                  <Button
                    size="small"
                    appearance="primary"
                    disabled={current !== undefined && current >= filtered.length - 1}
                    onClick={() => goTo(current === undefined ? 0 : current + 1)}
                  >
                    {t('validate.nextFinding')}
                  </Button>
                  {current !== undefined && (
                    <Caption1 aria-live="polite" data-testid="validate-position">
                      {t('validate.position', {
                        n: (current + 1).toLocaleString(lang),
                        total: filtered.length.toLocaleString(lang),
                        cell: filtered[current].address,
                      })}
                    </Caption1>
                  )}
                </div>
              )}
              {filtered.length > SHOWN && (
                <Caption1 className={page.muted}>
                  {t('validate.shown', { shown: SHOWN, total: filtered.length.toLocaleString(lang) })}
                </Caption1>
              )}
              {groups.map(([code, findings]) => (
                <div key={code} className={styles.group}>
                  <Body1 as="h3">
                    <strong>{findingTitle(code, lang)}</strong>
                  </Body1>
                  <ul className={styles.list}>
                    {findings.map(({ finding: f, index }) => (
                      <li key={`${f.address}-${f.code}`}>
                        <Button
                          appearance={index === current ? 'secondary' : 'subtle'}
                          aria-current={index === current ? 'true' : undefined}
                          className={styles.finding}
                          onClick={() => goTo(index)}
                        >
                          <span>{renderFinding(f, lang, f.sheet)}</span>
                          {f.suggestion && (
                            <Caption1 className={styles.suggestion}>
                              {t('validate.suggestion', { value: f.suggestion })}
                            </Caption1>
                          )}
                        </Button>
                      </li>
                    ))}
                  </ul>
                </div>
              ))}
            </section>
          )}
        </>
      )}
    </div>
  );
}
