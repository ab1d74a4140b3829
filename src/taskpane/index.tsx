import { createRoot } from 'react-dom/client';
import { associateCommands } from '../commands/associate';
import type { PageId } from '../commands/types';
import { App } from './App';
import { officeHost, pageFromUrl } from './host';

// One shared runtime serves the pane and the ribbon functions: commands are associated before
// the pane renders, so a ribbon click works even while the pane is closed.
let navigate: ((page: PageId) => void) | undefined;
let pendingPage: PageId | undefined;

Office.onReady(() => {
  const host = officeHost();
  associateCommands(() => ({
    lang: host.displayLanguage,
    async showPane(page) {
      if (page) {
        if (navigate) navigate(page);
        else pendingPage = page;
      }
      await host.showPane();
    },
  }));
  const container = document.getElementById('root');
  if (!container) return;
  createRoot(container).render(
    <App
      host={host}
      initialPage={pendingPage ?? pageFromUrl(window.location.search)}
      onNavigatorReady={(go) => {
        navigate = go;
      }}
    />,
  );
});
