import {
  Caption1,
  Checkbox,
  Field,
  Select,
  Textarea,
  ToggleButton,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { ReactElement } from 'react';
import { VERDICTS } from '../../../core/model';
import type { Lang } from '../../../i18n';
import type { ErrorReason } from '../../../core/reasons';
import type { Taxonomy } from '../../../core/taxonomy/types';
import { useT } from '../../shell/LanguageContext';
import type { ItemForm } from './itemForm';
import { PolicyPicker } from './PolicyPicker';

const useStyles = makeStyles({
  verdicts: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
});

export interface DecisionFormProps {
  form: ItemForm;
  onChange(patch: Partial<ItemForm>): void;
  taxonomy: Taxonomy | undefined;
  lang: Lang;
  reasons: ErrorReason[];
  /** The verdict would make the moderator's decision an error: its reason is asked for. */
  askReason: boolean;
  policyPickerId: string;
}

/** The inspector's decision: verdict (keys 1–5), policy, comment, error reason, escalation. */
export function DecisionForm(props: DecisionFormProps): ReactElement {
  const t = useT();
  const styles = useStyles();
  const { form, onChange } = props;
  return (
    <>
      <Field label={t('inspect.yourVerdict')}>
        <div className={styles.verdicts} role="group" aria-label={t('inspect.yourVerdict')}>
          {VERDICTS.map((v, i) => (
            <ToggleButton
              key={v}
              checked={form.verdict === v}
              onClick={() => onChange({ verdict: v })}
              aria-keyshortcuts={String(i + 1)}
            >
              {i + 1} {t(`verdict.${v}`)}
            </ToggleButton>
          ))}
        </div>
      </Field>
      <PolicyPicker
        id={props.policyPickerId}
        label={t('inspect.yourPolicy')}
        taxonomy={props.taxonomy}
        lang={props.lang}
        text={form.policyText}
        onText={(policyText) => onChange({ policyText })}
        disabled={!form.verdict || form.verdict === 'approve'}
      />
      <Field label={t('inspect.comment')}>
        <Textarea value={form.comment} onChange={(_, d) => onChange({ comment: d.value })} resize="vertical" />
      </Field>
      {props.askReason && (
        <Field
          label={t('reason.label')}
          validationState={form.reason ? 'none' : 'warning'}
          validationMessage={form.reason ? undefined : t('reason.needed')}
        >
          <Select value={form.reason} onChange={(_, d) => onChange({ reason: d.value })}>
            <option value="">{t('reason.none')}</option>
            {props.reasons.map((r) => (
              <option key={r.code} value={r.code} title={props.lang === 'ja' ? r.definitionJa : r.definitionEn}>
                {props.lang === 'ja' ? r.ja : r.en}
              </option>
            ))}
          </Select>
        </Field>
      )}
      <Checkbox
        label={t('inspect.escalate')}
        checked={form.escalate || form.verdict === 'escalate'}
        disabled={form.verdict === 'escalate'}
        onChange={(_, d) => onChange({ escalate: Boolean(d.checked) })}
      />
      <Caption1>{t('inspect.escalationHelp')}</Caption1>
    </>
  );
}
