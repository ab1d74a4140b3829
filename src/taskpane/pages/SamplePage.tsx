import {
  Button,
  Caption1,
  Checkbox,
  Field,
  Input,
  Radio,
  RadioGroup,
  Select,
  Subtitle2,
  Textarea,
} from '@fluentui/react-components';
import { useEffect, useMemo, useRef, useState, type ReactElement } from 'react';
import { AQLS, INSPECTIONS, INSPECTION_LEVELS } from '../../core/iso2859/planTables';
import { VERDICTS } from '../../core/model';
import {
  SAMPLING_METHODS,
  SAMPLING_UNITS,
  type SamplingMethod,
  type SamplingUnit,
} from '../../core/sampling/drawSample';
import { FlowError } from '../../flows/host';
import { listBatches } from '../../flows/batches';
import {
  previewSample,
  sampleFlow,
  type SampleFlowOptions,
  type SampleFlowResult,
  type SamplePreview,
} from '../../flows/sampleFlow';
import { batchNameProblem } from '../../flows/sheets';
import { nextPlanAdvice, type NextPlanAdvice } from '../../flows/trendFlow';
import type { MessageKey } from '../../i18n';
import { DataTable } from '../shell/DataTable';
import { FlowStatus } from '../shell/FlowStatus';
import { Notice } from '../shell/Notice';
import {
  SAMPLE_FORM_DEFAULTS,
  SIZE_KINDS,
  STRATA_FIELDS,
  inspectorsOf,
  isStratified,
  parseSampleForm,
  type FormField,
  type SampleForm,
  type SizeKind,
} from './sample/sampleForm';
import { usePage } from '../shell/usePage';

/**
 * A fresh seed: 8 hex digits from the browser's random source (only to suggest one; the draw itself is deterministic).
 */
function newSeed(): string {
  const bytes = new Uint8Array(4);
  globalThis.crypto.getRandomValues(bytes);
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

const today = () => new Date().toISOString().slice(0, 10);

/** Sample: method, size, strata and filters, an editable seed, a preview of the allocation, then the draw. */
export default function SamplePage(): ReactElement {
  const { t, lang, styles, session, flow } = usePage();
  const [batch, setBatch] = useState(today());
  const [form, setForm] = useState<SampleForm>(() => ({ ...SAMPLE_FORM_DEFAULTS, seed: newSeed() }));
  const set = <K extends keyof SampleForm>(key: K, value: SampleForm[K]) => setForm((f) => ({ ...f, [key]: value }));
  const { method, sizeKind } = form;
  const calibration = inspectorsOf(form.inspectors).length >= 2;
  // Blind review is the default for calibration, an option otherwise.
  const blind = form.blind ?? calibration;
  const [preview, setPreview] = useState<SamplePreview>();
  const [drawn, setDrawn] = useState<SampleFlowResult>();
  // Fields show their errors once the analyst has tried to preview or draw, not while typing the first digit.
  const [tried, setTried] = useState(false);

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
    setForm((f) => ({ ...f, sizeKind: 'iso2859', inspection: a.inspection, aql: a.aql }));
    setPreview(undefined);
  };

  const stratified = isStratified(method);
  // Any change to the form (the batch name aside) makes the preview stale.
  useEffect(() => setPreview(undefined), [form]);
  const parsed = useMemo(() => parseSampleForm(form), [form]);

  /** The flow's options from the form, or a localized message naming the field to fix. */
  function build(): Omit<SampleFlowOptions, 'batch'> {
    const { options, problem } = parsed;
    if (problem) throw new FlowError(problem.key, { ...problem.params, field: t(problem.label) });
    return { ...options, sheet: session.sheet, mapping: session.mapping, lang };
  }
  /** A field's own error under it, once the analyst has tried to preview or draw. */
  const invalid = (field: FormField) =>
    tried && parsed.problem?.field === field
      ? {
          validationState: 'error' as const,
          validationMessage: t(parsed.problem.key, { ...parsed.problem.params, field: t(parsed.problem.label) }),
        }
      : {};

  // The result (or the failure) of Preview and Draw is brought into view and focused: on a narrow
  // pane it appears below the buttons, under the fold.
  const resultRef = useRef<HTMLDivElement>(null);
  const [shown, setShown] = useState(0);
  useEffect(() => {
    if (shown === 0) return;
    const target = resultRef.current?.querySelector<HTMLElement>('[data-result]') ?? resultRef.current;
    if (!target) return;
    target.focus({ preventScroll: true });
    target.scrollIntoView({ block: 'nearest' });
    // A message bar measures itself once mounted and reflows to several lines: follow it for a moment.
    const follow = new ResizeObserver(() => target.scrollIntoView({ block: 'nearest' }));
    follow.observe(target);
    const stop = setTimeout(() => follow.disconnect(), 1000);
    return () => {
      clearTimeout(stop);
      follow.disconnect();
    };
  }, [shown]);

  const runPreview = async () => {
    setTried(true);
    const result = await flow.run(async (control) => previewSample(session.host.runner, { ...build(), ...control }));
    if (result) setPreview(result);
    setShown((x) => x + 1);
  };

  const draw = async () => {
    setTried(true);
    const problem = batchNameProblem(batch);
    if (problem) {
      flow.fail(new FlowError(problem.key, problem.params));
      setShown((x) => x + 1);
      return;
    }
    const result = await flow.run(async (control) =>
      sampleFlow(session.host.runner, { ...build(), ...control, batch, createdBy: session.inspector }),
    );
    if (result) {
      setDrawn(result);
      session.update({ batch: result.members?.[0]?.batch ?? result.batch });
    }
    setShown((x) => x + 1);
  };

  const nameProblem = batchNameProblem(batch);
  const planLine = (p: SamplePreview | SampleFlowResult) =>
    p.plan
      ? p.plan.inspectAll
        ? t('sample.planAll', { letter: p.plan.letter, n: p.plan.sampleSize })
        : t('sample.plan', { letter: p.plan.letter, n: p.plan.sampleSize, ac: p.plan.accept, re: p.plan.reject })
      : '';
  /** A number input bound to a form field, with that field's error under it. */
  const numberField = (
    field: 'n' | 'percent' | 'confidence' | 'margin' | 'expectedRate' | 'minimum' | 'quota',
    label: MessageKey,
    extra: { min?: number; max?: number; hint?: string } = {},
  ) => (
    <Field label={t(label)} hint={extra.hint} {...invalid(field)}>
      <Input
        type="number"
        min={extra.min}
        max={extra.max}
        value={form[field]}
        onChange={(_, d) => set(field, d.value)}
      />
    </Field>
  );

  /** A dropdown for one of the ISO 2859-1 plan's settings; `text` names a choice (the choice itself by default). */
  const choiceField = <K extends 'level' | 'aql' | 'inspection'>(
    field: K,
    label: MessageKey,
    choices: readonly SampleForm[K][],
    text: (choice: SampleForm[K]) => string = String,
  ) => (
    <Field label={t(label)}>
      <Select value={form[field]} onChange={(_, d) => set(field, d.value as SampleForm[K])}>
        {choices.map((c) => (
          <option key={c} value={c}>
            {text(c)}
          </option>
        ))}
      </Select>
    </Field>
  );

  return (
    <div className={styles.page}>
      {advice && advice.inspection !== 'normal' && (
        <Notice
          intent="warning"
          actions={[
            {
              label: t('sample.useAdvice', { inspection: t(`trend.state.${advice.inspection}`) }),
              disabled: sizeKind === 'iso2859' && form.inspection === advice.inspection && form.aql === advice.aql,
              onClick: () => applyAdvice(advice),
            },
          ]}
        >
          {t('sample.advice', {
            moderators: advice.because.map((m) => m.moderator).join(', '),
            inspection: t(`trend.state.${advice.inspection}`),
            rule: [...new Set(advice.because.map((m) => (m.rule ? t(`trend.rule.${m.rule}`) : '')))]
              .filter(Boolean)
              .join('; '),
          })}
        </Notice>
      )}
      {/* Any letters are fine (「第48週」 too); an invalid name says why, here and on Draw. */}
      <Field
        label={t('sample.batch')}
        hint={t('sample.batchHint', { batch })}
        validationState={nameProblem ? 'error' : 'none'}
        validationMessage={nameProblem ? t(nameProblem.key, nameProblem.params) : undefined}
      >
        <Input value={batch} onChange={(_, d) => setBatch(d.value)} maxLength={21} />
      </Field>

      <Field label={t('sample.unit')}>
        <RadioGroup value={form.unit} onChange={(_, d) => set('unit', d.value as SamplingUnit)}>
          {SAMPLING_UNITS.map((u) => (
            <Radio key={u} value={u} label={t(`sample.unit.${u}`)} />
          ))}
        </RadioGroup>
      </Field>

      <Field label={t('sample.method')}>
        <RadioGroup value={method} onChange={(_, d) => set('method', d.value as SamplingMethod)}>
          {SAMPLING_METHODS.map((m) => (
            <Radio
              key={m}
              value={m}
              label={
                <>
                  {t(`sample.method.${m}`)}{' '}
                  <Caption1 className={styles.muted}>— {t(`sample.method.${m}.help`)}</Caption1>
                </>
              }
            />
          ))}
        </RadioGroup>
      </Field>

      {method === 'moderator_quota' ? (
        numberField('quota', 'sample.quota', { min: 1 })
      ) : (
        <fieldset className={styles.section}>
          <legend>
            <Subtitle2>{t('sample.size')}</Subtitle2>
          </legend>
          <RadioGroup
            value={sizeKind}
            onChange={(_, d) => set('sizeKind', d.value as SizeKind)}
            aria-label={t('sample.size')}
          >
            {SIZE_KINDS.map((k) => (
              <Radio key={k} value={k} label={t(`sample.size.${k}`)} />
            ))}
          </RadioGroup>
          <div className={styles.row}>
            {sizeKind === 'fixed' && numberField('n', 'sample.n', { min: 1 })}
            {sizeKind === 'percent' && numberField('percent', 'sample.percent', { min: 0.01, max: 100 })}
            {sizeKind === 'iso2859' && (
              <>
                {choiceField('level', 'sample.level', INSPECTION_LEVELS)}
                {choiceField('aql', 'sample.aql', AQLS)}
                {choiceField('inspection', 'sample.inspection', INSPECTIONS, (i) => t(`sample.inspection.${i}`))}
              </>
            )}
            {sizeKind === 'cochran' && (
              <>
                {numberField('confidence', 'sample.confidence', { min: 50, max: 99.99 })}
                {numberField('margin', 'sample.margin', { min: 0.1, max: 50 })}
                {numberField('expectedRate', 'sample.expectedRate', {
                  min: 0.1,
                  max: 50,
                  hint: t('sample.expectedRateHint'),
                })}
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
          {/* Each checkbox its own id and label: never inside one
              Field, which gives all its controls the Field's id. */}
          <div className={styles.row}>
            {STRATA_FIELDS.map((f) => (
              <Checkbox
                key={f}
                label={t(`field.${f}`)}
                checked={form.strata.includes(f)}
                onChange={(_, d) => set('strata', d.checked ? [...form.strata, f] : form.strata.filter((x) => x !== f))}
              />
            ))}
          </div>
          {tried && parsed.problem?.field === 'strata' && <Caption1 role="alert">{t(parsed.problem.key)}</Caption1>}
          {numberField('minimum', 'sample.minimum', { min: 0 })}
        </fieldset>
      )}

      <fieldset className={styles.section}>
        <legend>
          <Subtitle2>{t('sample.filters')}</Subtitle2>
        </legend>
        <Field label={t('sample.markets')}>
          <Input value={form.markets} onChange={(_, d) => set('markets', d.value)} />
        </Field>
        <Field label={t('sample.queues')}>
          <Input value={form.queues} onChange={(_, d) => set('queues', d.value)} />
        </Field>
        <div className={styles.row}>
          <Field label={t('sample.from')} {...invalid('from')}>
            <Input type="date" value={form.from} onChange={(_, d) => set('from', d.value)} />
          </Field>
          <Field label={t('sample.to')} {...invalid('to')}>
            <Input type="date" value={form.to} onChange={(_, d) => set('to', d.value)} />
          </Field>
        </div>
        {/* A group of checkboxes is a fieldset, not a Field: inside a Field
            all five shared one id, so the label "Remove" ticked "Approve". */}
        <fieldset className={styles.section}>
          <legend>{t('sample.verdicts')}</legend>
          <div className={styles.row}>
            {VERDICTS.map((v) => (
              <Checkbox
                key={v}
                label={t(`verdict.${v}`)}
                checked={form.verdicts.includes(v)}
                onChange={(_, d) =>
                  set('verdicts', d.checked ? [...form.verdicts, v] : form.verdicts.filter((x) => x !== v))
                }
              />
            ))}
          </div>
        </fieldset>
        <Checkbox
          label={t('sample.includeEarlier')}
          checked={form.includeEarlier}
          onChange={(_, d) => set('includeEarlier', Boolean(d.checked))}
        />
      </fieldset>

      <fieldset className={styles.section}>
        <legend>
          <Subtitle2>{t('calibration.title')}</Subtitle2>
        </legend>
        <Field label={t('calibration.inspectors')}>
          <Textarea value={form.inspectors} onChange={(_, d) => set('inspectors', d.value)} resize="vertical" />
        </Field>
        <Checkbox
          label={t('calibration.blind')}
          checked={blind}
          onChange={(_, d) => set('blind', Boolean(d.checked))}
        />
      </fieldset>

      <div className={styles.row}>
        <Field label={t('sample.seed')} hint={t('sample.seedHint')}>
          <Input value={form.seed} onChange={(_, d) => set('seed', d.value)} />
        </Field>
        <Button onClick={() => set('seed', newSeed())}>{t('sample.newSeed')}</Button>
      </div>

      <div className={styles.row}>
        <Button disabled={flow.running} onClick={() => void runPreview()}>
          {t('sample.preview')}
        </Button>
        <Button appearance="primary" disabled={flow.running} onClick={() => void draw()}>
          {t('sample.draw')}
        </Button>
      </div>
      <div ref={resultRef} className={styles.section} tabIndex={-1} data-testid="sample-result">
        <FlowStatus flow={flow} />

        {drawn && (
          <Notice
            intent="success"
            bodyProps={{ 'data-result': true, tabIndex: -1 }}
            actions={[{ label: t('sample.inspectNow'), onClick: () => session.go('inspect') }]}
          >
            {drawn.members
              ? t('calibration.drawn', {
                  batch: drawn.batch,
                  n: drawn.sampleSize.toLocaleString(lang),
                  inspectors: drawn.members.map((m) => `${m.inspector} (${m.batch})`).join(', '),
                })
              : t('sample.drawn', {
                  batch: drawn.batch,
                  n: drawn.sampleSize.toLocaleString(lang),
                  lot: drawn.lotSize.toLocaleString(lang),
                  sheet: drawn.sheet,
                })}{' '}
            {planLine(drawn)}
          </Notice>
        )}

        {preview && (
          <section className={styles.section} aria-labelledby="preview-title" aria-live="polite">
            <Subtitle2 as="h2" id="preview-title" data-result={drawn ? undefined : true} tabIndex={-1}>
              {t('sample.previewTitle', {
                n: preview.sampleSize.toLocaleString(lang),
                lot: preview.lotSize.toLocaleString(lang),
                excluded: preview.excluded.toLocaleString(lang),
              })}
            </Subtitle2>
            {preview.plan && <Caption1>{planLine(preview)}</Caption1>}
            <DataTable
              aria-labelledby="preview-title"
              columns={[t('sample.stratum'), t('sample.population'), t('sample.allocated')]}
              rows={preview.allocation.map((a) => ({
                key: a.stratum,
                cells: [a.stratum || '—', a.population.toLocaleString(lang), a.sample.toLocaleString(lang)],
              }))}
            />
          </section>
        )}
      </div>
    </div>
  );
}
