import { Field, SpinButton, Switch } from '@fluentui/react-components';
import { useRef, useState, type ReactElement } from 'react';
import { useT } from '../../shell/LanguageContext';
import { usePageStyles } from '../../shell/styles';
import { Notice } from '../../shell/Notice';

/** Break reminders: after so many minutes or so many severe items, a message suggests a break. */
export function useBreakReminder(): {
  counted(severity: number): void;
  settings: ReactElement;
  notice: ReactElement | null;
} {
  const t = useT();
  const page = usePageStyles();
  const [on, setOn] = useState(false);
  const [minutes, setMinutes] = useState(50);
  const [severe, setSevere] = useState(10);
  const [due, setDue] = useState(false);
  const since = useRef({ at: Date.now(), severe: 0 });
  const counted = (severity: number) => {
    if (severity >= 3) since.current.severe++;
    if (on && (Date.now() - since.current.at >= minutes * 60_000 || since.current.severe >= severe)) setDue(true);
  };
  const settings = (
    <div className={page.row}>
      <Switch label={t('inspect.breaks')} checked={on} onChange={(_, d) => setOn(d.checked)} />
      {on && (
        <>
          <Field label={t('inspect.breakMinutes')}>
            <SpinButton
              min={5}
              max={240}
              value={minutes}
              onChange={(_, d) => setMinutes(Number(d.value ?? d.displayValue) || 50)}
            />
          </Field>
          <Field label={t('inspect.breakSevere')}>
            <SpinButton
              min={1}
              max={100}
              value={severe}
              onChange={(_, d) => setSevere(Number(d.value ?? d.displayValue) || 10)}
            />
          </Field>
        </>
      )}
    </div>
  );
  const notice = due ? (
    <Notice
      intent="info"
      actions={[
        {
          label: t('ui.dismiss'),
          onClick: () => {
            setDue(false);
            since.current = { at: Date.now(), severe: 0 };
          },
        },
      ]}
    >
      {t('inspect.breakNow')}
    </Notice>
  ) : null;
  return { counted, settings, notice };
}
