import { useContext } from 'react';
import { LanguageContext, useT } from './LanguageContext';
import { useSession } from './Session';
import { usePageStyles } from './styles';
import { useFlow } from './useFlow';

/** What every page starts from: its words and language, the shared layout, the session and a flow to run. */
export function usePage() {
  const t = useT();
  const lang = useContext(LanguageContext);
  const styles = usePageStyles();
  const session = useSession();
  const flow = useFlow();
  return { t, lang, styles, session, flow };
}
