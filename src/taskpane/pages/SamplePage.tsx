import { Button, Caption1, Checkbox, Field, Input, MessageBar, MessageBarActions, MessageBarBody, Radio, RadioGroup, Select, Subtitle2, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Textarea } from '@fluentui/react-components';
import { useContext, useEffect, useMemo, useState, type ReactElement } from 'react';
import { AQLS, INSPECTIONS, INSPECTION_LEVELS, type Aql, type Inspection, type InspectionLevel } from '../../core/iso2859/planTables';
import { VERDICTS, type DecisionField, type Verdict } from '../../core/model';
import { SAMPLING_METHODS, SAMPLING_UNITS, type SampleFilters, type SamplingMethod, type SamplingUnit } from '../../core/sampling/drawSample';
import { FlowError } from '../../excel/host';
import { listBatches } from '../../excel/batches';
import { previewSample, sampleFlow, type SampleFlowOptions, type SampleFlowResult, type SamplePreview, type SampleSize } from '../../excel/sampleFlow';
import { batchNameProblem } from '../../excel/sheets';
import { nextPlanAdvice, type NextPlanAdvice } from '../../excel/trendFlow';
import { FlowStatus } from '../shell/FlowStatus';
import { LanguageContext, useT } from '../shell/LanguageContext';
import { useSession } from '../shell/Session';
import { usePageStyles } from '../shell/styles';
import { useFlow } from '../shell/useFlow';

type SizeKind = SampleSize['kind'];
const SIZE_KINDS: SizeKind[] = ['fixed', 'percent', 'iso2859', 'cochran'];
const STRATA_FIELDS: DecisionField[] = ['market', 'language', 'queue', 'moderator', 'policy', 'verdict'];

/** A fresh seed: 8 hex digits from the browser's random source (only to suggest one; the draw itself is deterministic). */
function newSeed(): string {
  const bytes = new Uint8Array(4);
  globalThis.crypto.getRandomValues(bytes);
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

const today = () => new Date().toISOString().slice(0, 10);
const list = (text: string) => text.split(/[,、，]/).map((s) => s.trim()).filter(Boolean);

/** Sample: method, size, strata and filters, an editable seed, a preview of the allocation, then the draw. */
export default function SamplePage(): ReactElement {
  const t = useT();
  const lang = useContext(LanguageContext);
  const styles = usePageStyles();
  const session = useSession();
  const flow = useFlow();
  const [batch, setBatch] = useState(today());
  const [method, setMethod] = useState<SamplingMethod>('simple');
  const [sizeKind, setSizeKind] = useState<SizeKind>('iso2859');
  const [n, setN] = useState('50');
  const [percent, setPercent] = useState('5');
  const [level, setLevel] = useState<InspectionLevel>('II');
  const [aql, setAql] = useState<Aql>('1.0');
  const [inspection, setInspection] = useState<Inspection>('normal');
  const [confidence, setConfidence] = useState('95');
  const [margin, setMargin] = useState('5');
  const [strata, setStrata] = useState<DecisionField[]>(['market']);
  const [minimum, setMinimum] = useState('');
  const [quota, setQuota] = useState('5');
  const [markets, setMarkets] = useState('');
  const [queues, setQueues] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [verdicts, setVerdicts] = useState<Verdict[]>([]);
  const [includeEarlier, setIncludeEarlier] = useState(false);
  const [unit, setUnit] = useState<SamplingUnit>('decision');
  const [inspectorsText, setInspectorsText] = useState('');
  const [blindChoice, setBlindChoice] = useState<boolean>();
  const inspectorList = inspectorsText.split(/\r?\n|[,、]/).map((x) => x.trim()).filter(Boolean);
  const calibration = inspectorList.length >= 2;
  // Blind review is the default for calibration, an option otherwise.
  const blind = blindChoice ?? calibration;
  const [seed, setSeed] = useState(newSeed);
  const [preview, setPreview] = useState<SamplePreview>();
  const [drawn, setDrawn] = useState<SampleFlowResult>();

  // Suggest a batch name that is free: today's date, then "-2", "-3"…
  useEffect(() => {
    void listBatches(session.host.runner)
      .then((batches) => {
        const taken = new Set(batches.map((b) => b.batch.toLowerCase()));
        let name = today();
        for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${today()}-${i}`;
        setBatch(name);
      })
      .catch(() => undefined);
  }, [session.host.runner]);

  // What the trends say the next batch should use (ISO 2859-1 switching), offered in one click.
  const [advice, setAdvice] = useState<NextPlanAdvice>();
  useEffect(() => {
    void nextPlanAdvice(session.host.runner)
      .then(setAdvice)
      .catch(() => undefined);
  }, [session.host.runner]);
  const applyAdvice = (a: NextPlanAdvice) => {
    setSizeKind('iso2859');
    setInspection(a.inspection);
    setAql(a.aql);
    setPreview(undefined);
  };

  const stratified = method === 'stratified_proportional' || method === 'stratified_neyman';
  const options = useMemo(() => ({ method, sizeKind, n, percent, level, aql, inspection, confidence, margin, strata, minimum, quota, markets, queues, from, to, verdicts, includeEarlier, seed }), [method, sizeKind, n, percent, level, aql, inspection, confidence, margin, strata, minimum, quota, markets, queues, from, to, verdicts, includeEarlier, seed]);
  // Any change makes the preview stale.
  useEffect(() => setPreview(undefined), [options]);

  /** The flow's options from the form, or a localized message naming the field to fix. */
  function build(): Omit<SampleFlowOptions, 'batch'> {
    const num = (value: string, field: string, min: number, max: number): number => {
      const x = Number(value.replace(',', '.'));
      if (value.trim() === '' || !Number.isFinite(x) || x < min || x > max) throw new FlowError('sample.invalidNumber', { field, min, max });
      return x;
    };
    const date = (value: string, field: string, end: boolean): number | undefined => {
      if (!value) return undefined;
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
      if (!m) throw new FlowError('sample.invalidDate', { field });
      return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) + (end ? 86_399_999 : 0);
    };
    let size: SampleSize;
    if (method === 'moderator_quota') size = { kind: 'fixed', n: Number.MAX_SAFE_INTEGER };
    else if (sizeKind === 'fixed') size = { kind: 'fixed', n: Math.round(num(n, t('sample.n'), 1, 1_048_576)) };
    else if (sizeKind === 'percent') size = { kind: 'percent', percent: num(percent, t('sample.percent'), 0.01, 100) };
    else if (sizeKind === 'iso2859') size = { kind: 'iso2859', level, aql, inspection };
    else size = { kind: 'cochran', confidence: num(confidence, t('sample.confidence'), 50, 99.99) / 100, margin: num(margin, t('sample.margin'), 0.1, 50) / 100 };
    if (stratified && strata.length === 0) throw new FlowError('sample.needStrata');
    const filters: SampleFilters = {
      decidedFrom: date(from, t('sample.from'), false),
      decidedTo: date(to, t('sample.to'), true),
      markets: list(markets),
      queues: list(queues),
      verdicts,
    };
    return {
      method,
      size,
      seed: seed.trim() || '0',
      strata: stratified ? strata : undefined,
      minimumPerStratum: stratified && minimum ? Math.round(num(minimum, t('sample.minimum'), 0, 1_000_000)) : undefined,
      quota: method === 'moderator_quota' ? Math.round(num(quota, t('sample.quota'), 1, 1_000_000)) : undefined,
      filters,
      includePreviouslySampled: includeEarlier,
      unit,
      inspectors: calibration ? inspectorList : undefined,
      blind,
      sheet: session.sheet,
      mapping: session.mapping,
      lang,
    };
  }

  const runPreview = async () => {
    const result = await flow.run(async (control) => previewSample(session.host.runner, { ...build(), ...control }));
    if (result) setPreview(result);
  };

  const draw = async () => {
    const problem = batchNameProblem(batch);
    if (problem) {
      flow.fail(new FlowError(problem.key, problem.params));
      return;
    }
    const result = await flow.run(async (control) => sampleFlow(session.host.runner, { ...build(), ...control, batch, createdBy: session.inspector }));
    if (result) {
      setDrawn(result);
      session.update({ batch: result.members?.[0]?.batch ?? result.batch });
    }
  };

  const nameProblem = batchNameProblem(batch);
  const planLine = (p: SamplePreview | SampleFlowResult) =>
    p.plan ? (p.plan.inspectAll ? t('sample.planAll', { letter: p.plan.letter, n: p.plan.sampleSize }) : t('sample.plan', { letter: p.plan.letter, n: p.plan.sampleSize, ac: p.plan.accept, re: p.plan.reject })) : '';

  return (
    <div className={styles.page}>
      {advice && advice.inspection !== 'normal' && (
        <MessageBar intent="warning">
          <MessageBarBody>
            {t('sample.advice', {
              moderators: advice.because.map((m) => m.moderator).join(', '),
              inspection: t(`trend.state.${advice.inspection}`),
              rule: [...new Set(advice.because.map((m) => (m.rule ? t(`trend.rule.${m.rule}`) : '')))].filter(Boolean).join('; '),
            })}
          </MessageBarBody>
          <MessageBarActions>
            <Button size="small" disabled={sizeKind === 'iso2859' && inspection === advice.inspection && aql === advice.aql} onClick={() => applyAdvice(advice)}>
              {t('sample.useAdvice', { inspection: t(`trend.state.${advice.inspection}`) })}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {/* Any letters are fine (「第48週」 too); an invalid name says why, here and on Draw. */}
      <Field label={t('sample.batch')} hint={t('sample.batchHint', { batch })} validationState={nameProblem ? 'error' : 'none'} validationMessage={nameProblem ? t(nameProblem.key, nameProblem.params) : undefined}>
        <Input value={batch} onChange={(_, d) => setBatch(d.value)} maxLength={21} />
      </Field>

      <Field label={t('sample.unit')}>
        <RadioGroup value={unit} onChange={(_, d) => setUnit(d.value as SamplingUnit)}>
          {SAMPLING_UNITS.map((u) => (
            <Radio key={u} value={u} label={t(`sample.unit.${u}`)} />
          ))}
        </RadioGroup>
      </Field>

      <Field label={t('sample.method')}>
        <RadioGroup value={method} onChange={(_, d) => setMethod(d.value as SamplingMethod)}>
          {SAMPLING_METHODS.map((m) => (
            <Radio key={m} value={m} label={<>{t(`sample.method.${m}`)} <Caption1 className={styles.muted}>— {t(`sample.method.${m}.help`)}</Caption1></>} />
          ))}
        </RadioGroup>
      </Field>

      {method === 'moderator_quota' ? (
        <Field label={t('sample.quota')}>
          <Input type="number" min={1} value={quota} onChange={(_, d) => setQuota(d.value)} />
        </Field>
      ) : (
        <fieldset className={styles.section}>
          <legend>
            <Subtitle2>{t('sample.size')}</Subtitle2>
          </legend>
          <RadioGroup value={sizeKind} onChange={(_, d) => setSizeKind(d.value as SizeKind)} aria-label={t('sample.size')}>
            {SIZE_KINDS.map((k) => (
              <Radio key={k} value={k} label={t(`sample.size.${k}`)} />
            ))}
          </RadioGroup>
          <div className={styles.row}>
            {sizeKind === 'fixed' && (
              <Field label={t('sample.n')}>
                <Input type="number" min={1} value={n} onChange={(_, d) => setN(d.value)} />
              </Field>
            )}
            {sizeKind === 'percent' && (
              <Field label={t('sample.percent')}>
                <Input type="number" min={0.01} max={100} value={percent} onChange={(_, d) => setPercent(d.value)} />
              </Field>
            )}
            {sizeKind === 'iso2859' && (
              <>
                <Field label={t('sample.level')}>
                  <Select value={level} onChange={(_, d) => setLevel(d.value as InspectionLevel)}>
                    {INSPECTION_LEVELS.map((l) => (
                      <option key={l}>{l}</option>
                    ))}
                  </Select>
                </Field>
                <Field label={t('sample.aql')}>
                  <Select value={aql} onChange={(_, d) => setAql(d.value as Aql)}>
                    {AQLS.map((a) => (
                      <option key={a}>{a}</option>
                    ))}
                  </Select>
                </Field>
                <Field label={t('sample.inspection')}>
                  <Select value={inspection} onChange={(_, d) => setInspection(d.value as Inspection)}>
                    {INSPECTIONS.map((i) => (
                      <option key={i} value={i}>
                        {t(`sample.inspection.${i}`)}
                      </option>
                    ))}
                  </Select>
                </Field>
              </>
            )}
            {sizeKind === 'cochran' && (
              <>
                <Field label={t('sample.confidence')}>
                  <Input type="number" value={confidence} onChange={(_, d) => setConfidence(d.value)} />
                </Field>
                <Field label={t('sample.margin')}>
                  <Input type="number" value={margin} onChange={(_, d) => setMargin(d.value)} />
                </Field>
              </>
            )}
          </div>
        </fieldset>
      )}

      {stratified && (
        <fieldset className={styles.section}>
          <legend>
            <Subtitle2>{t('sample.strata')}</Subtitle2>
          </legend>
          <div className={styles.row}>
            {STRATA_FIELDS.map((f) => (
              <Checkbox key={f} label={t(`field.${f}`)} checked={strata.includes(f)} onChange={(_, d) => setStrata(d.checked ? [...strata, f] : strata.filter((x) => x !== f))} />
            ))}
          </div>
          <Field label={t('sample.minimum')}>
            <Input type="number" min={0} value={minimum} onChange={(_, d) => setMinimum(d.value)} />
          </Field>
        </fieldset>
      )}

      <fieldset className={styles.section}>
        <legend>
          <Subtitle2>{t('sample.filters')}</Subtitle2>
        </legend>
        <Field label={t('sample.markets')}>
          <Input value={markets} onChange={(_, d) => setMarkets(d.value)} />
        </Field>
        <Field label={t('sample.queues')}>
          <Input value={queues} onChange={(_, d) => setQueues(d.value)} />
        </Field>
        <div className={styles.row}>
          <Field label={t('sample.from')}>
            <Input type="date" value={from} onChange={(_, d) => setFrom(d.value)} />
          </Field>
          <Field label={t('sample.to')}>
            <Input type="date" value={to} onChange={(_, d) => setTo(d.value)} />
          </Field>
        </div>
        <Field label={t('sample.verdicts')}>
          <div className={styles.row}>
            {VERDICTS.map((v) => (
              <Checkbox key={v} label={t(`verdict.${v}`)} checked={verdicts.includes(v)} onChange={(_, d) => setVerdicts(d.checked ? [...verdicts, v] : verdicts.filter((x) => x !== v))} />
            ))}
          </div>
        </Field>
        <Checkbox label={t('sample.includeEarlier')} checked={includeEarlier} onChange={(_, d) => setIncludeEarlier(Boolean(d.checked))} />
      </fieldset>

      <fieldset className={styles.section}>
        <legend>
          <Subtitle2>{t('calibration.title')}</Subtitle2>
        </legend>
        <Field label={t('calibration.inspectors')}>
          <Textarea value={inspectorsText} onChange={(_, d) => setInspectorsText(d.value)} resize="vertical" />
        </Field>
        <Checkbox label={t('calibration.blind')} checked={blind} onChange={(_, d) => setBlindChoice(Boolean(d.checked))} />
      </fieldset>

      <div className={styles.row}>
        <Field label={t('sample.seed')} hint={t('sample.seedHint')}>
          <Input value={seed} onChange={(_, d) => setSeed(d.value)} />
        </Field>
        <Button onClick={() => setSeed(newSeed())}>{t('sample.newSeed')}</Button>
      </div>

      <div className={styles.row}>
        <Button disabled={flow.running} onClick={() => void runPreview()}>
          {t('sample.preview')}
        </Button>
        <Button appearance="primary" disabled={flow.running} onClick={() => void draw()}>
          {t('sample.draw')}
        </Button>
      </div>
      <FlowStatus flow={flow} />

      {preview && (
        <section className={styles.section} aria-labelledby="preview-title" aria-live="polite">
          <Subtitle2 as="h2" id="preview-title">
            {t('sample.previewTitle', { n: preview.sampleSize.toLocaleString(lang), lot: preview.lotSize.toLocaleString(lang), excluded: preview.excluded.toLocaleString(lang) })}
          </Subtitle2>
          {preview.plan && <Caption1>{planLine(preview)}</Caption1>}
          <Table size="small" aria-labelledby="preview-title">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t('sample.stratum')}</TableHeaderCell>
                <TableHeaderCell>{t('sample.population')}</TableHeaderCell>
                <TableHeaderCell>{t('sample.allocated')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {preview.allocation.map((a) => (
                <TableRow key={a.stratum}>
                  <TableCell>{a.stratum || '—'}</TableCell>
                  <TableCell>{a.population.toLocaleString(lang)}</TableCell>
                  <TableCell>{a.sample.toLocaleString(lang)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </section>
      )}

      {drawn && (
        <MessageBar intent="success">
          <MessageBarBody>
            {drawn.members
              ? t('calibration.drawn', { batch: drawn.batch, n: drawn.sampleSize.toLocaleString(lang), inspectors: drawn.members.map((m) => `${m.inspector} (${m.batch})`).join(', ') })
              : t('sample.drawn', { batch: drawn.batch, n: drawn.sampleSize.toLocaleString(lang), lot: drawn.lotSize.toLocaleString(lang), sheet: drawn.sheet })}{' '}
            {planLine(drawn)}
          </MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={() => session.go('inspect')}>
              {t('sample.inspectNow')}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
    </div>
  );
}
