import { createRoot } from 'react-dom/client';
import { associateCommands } from '../commands/associate';
import { App } from './App';
import { officeHost, pageFromUrl } from './host';
import { PaneController } from './paneController';

// One shared runtime serves the pane and the ribbon functions: commands are associated before
// the pane renders, so a ribbon click works even while the pane is closed (the controller keeps
// the request until the pane listens).
Office.onReady(() => {
  const host = officeHost();
  const controller = new PaneController();
  associateCommands(() => controller.commandContext(host.displayLanguage, () => host.showPane()));
  const container = document.getElementById('root');
  if (!container) return;
  createRoot(container).render(<App host={host} controller={controller} initialPage={pageFromUrl(window.location.search)} />);
});
