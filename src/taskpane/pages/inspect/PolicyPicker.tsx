import { Caption1, Field, Input, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type ReactElement } from 'react';
import type { Lang } from '../../../i18n';
import { policyLabel, resolvePolicyText, searchPolicies } from '../../../core/taxonomy/policySearch';
import type { Taxonomy } from '../../../core/taxonomy/types';
import { useT } from '../../shell/LanguageContext';

const useStyles = makeStyles({
  anchor: { position: 'relative' },
  input: { width: '100%' },
  list: {
    position: 'absolute',
    top: '100%',
    left: 0,
    right: 0,
    // Above the page's sticky action bar.
    zIndex: 10,
    maxHeight: '16em',
    overflowY: 'auto',
    margin: `${tokens.spacingVerticalXXS} 0 0`,
    padding: tokens.spacingVerticalXXS,
    listStyle: 'none',
    backgroundColor: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    boxShadow: tokens.shadow16,
  },
  option: {
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusSmall,
    cursor: 'pointer',
    overflowWrap: 'anywhere',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  active: {
    backgroundColor: tokens.colorNeutralBackground1Selected,
    outline: `2px solid ${tokens.colorStrokeFocus2}`,
    outlineOffset: '-2px',
  },
  chosen: { fontWeight: tokens.fontWeightSemibold },
  matched: { display: 'block', color: tokens.colorNeutralForeground3 },
});

export interface PolicyPickerProps {
  id: string;
  label: string;
  taxonomy: Taxonomy | undefined;
  lang: Lang;
  /** What the field holds; the policy recorded is the one it names whole (resolvePolicyText). */
  text: string;
  onText(text: string): void;
  disabled?: boolean;
}

/**
 * The policy field: whatever it holds (the moderator's policy pre-filled, a picked one, typed
 * text) can be edited like any text field — click, Ctrl+A, Backspace, typing — and the list
 * shows the policies that text finds (codes, names in both languages, the taxonomy's aliases;
 * src/core/taxonomy/policySearch). ↓ highlights an option, Enter or a click picks the highlighted
 * one; nothing is picked that was not highlighted, and text that names no policy stays text (the
 * page refuses to save it).
 */
export function PolicyPicker(props: PolicyPickerProps): ReactElement {
  const t = useT();
  const styles = useStyles();
  const listId = useId();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const list = useRef<HTMLUListElement>(null);
  const taxonomy = props.taxonomy ?? { policies: [] };
  const chosen = useMemo(() => resolvePolicyText(taxonomy, props.text), [taxonomy, props.text]);
  // The field holds a whole policy (pre-filled or picked): every policy is listed, that one marked.
  const whole = chosen !== undefined && props.text.trim() === policyLabel(chosen, props.lang);
  const matches = useMemo(() => searchPolicies(taxonomy, whole ? '' : props.text), [taxonomy, whole, props.text]);
  const shown = open && matches.length > 0;

  useEffect(() => {
    if (shown && active >= 0) list.current?.children[active]?.scrollIntoView({ block: 'nearest' });
  }, [shown, active]);

  const openList = () => {
    setOpen(true);
    setActive(-1);
  };
  const pick = (index: number) => {
    const match = matches[index];
    if (!match) return;
    props.onText(policyLabel(match.policy, props.lang));
    setOpen(false);
    setActive(-1);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!matches.length) return;
      const current = !shown ? -1 : active;
      // Opening on a whole policy starts from it, as a listbox opens on its selected option.
      const start = current < 0 && whole ? matches.findIndex((m) => m.policy.code === chosen?.code) : -1;
      setOpen(true);
      if (start >= 0) setActive(start);
      else if (e.key === 'ArrowDown') setActive(current < 0 ? 0 : Math.min(matches.length - 1, current + 1));
      else setActive(current < 0 ? matches.length - 1 : Math.max(0, current - 1));
    } else if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey && shown && active >= 0) {
      e.preventDefault();
      pick(active);
    } else if (e.key === 'Escape' && shown) {
      e.preventDefault();
      e.stopPropagation();
      setOpen(false);
    }
  };

  const unmatched = props.text.trim() !== '' && !matches.length;
  return (
    <Field
      label={props.label}
      validationState={unmatched ? 'warning' : 'none'}
      validationMessage={unmatched ? t('inspect.noPolicyMatch', { text: props.text.trim() }) : undefined}
    >
      <div className={styles.anchor}>
        <Input
          id={props.id}
          className={styles.input}
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={shown}
          aria-controls={shown ? listId : undefined}
          aria-activedescendant={shown && active >= 0 ? `${listId}-${active}` : undefined}
          aria-keyshortcuts="P"
          autoComplete="off"
          disabled={props.disabled}
          value={props.text}
          onChange={(_, d) => {
            props.onText(d.value);
            setOpen(true);
            setActive(-1);
          }}
          onClick={openList}
          onKeyDown={onKeyDown}
          onBlur={() => setOpen(false)}
        />
        {shown && (
          <ul ref={list} id={listId} role="listbox" aria-label={props.label} className={styles.list}>
            {matches.map((m, i) => (
              <li
                key={m.policy.code}
                id={`${listId}-${i}`}
                role="option"
                aria-selected={m.policy.code === chosen?.code}
                className={mergeClasses(
                  styles.option,
                  i === active && styles.active,
                  m.policy.code === chosen?.code && styles.chosen,
                )}
                // Keeps the focus in the field, so its blur does not close the list before the click.
                onMouseDown={(e) => e.preventDefault()}
                onMouseMove={() => setActive(i)}
                onClick={() => pick(i)}
              >
                {policyLabel(m.policy, props.lang)}
                {m.rank < 3 &&
                  m.matched !== m.policy.code &&
                  m.matched !== (props.lang === 'ja' ? m.policy.nameJa : m.policy.nameEn) && (
                    <Caption1 className={styles.matched}>{t('inspect.policyMatched', { name: m.matched })}</Caption1>
                  )}
              </li>
            ))}
          </ul>
        )}
      </div>
    </Field>
  );
}
