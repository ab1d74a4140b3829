import { createRoot } from 'react-dom/client';
import { associateCommands } from '../commands/associate';
import { App } from './App';
import { officeHost, pageFromUrl } from './host';
import { PaneController } from './paneController';
import { handlePaneShortcuts } from './paneShortcuts';

// One shared runtime serves the pane and the ribbon functions: commands are associated before
// the pane renders, so a ribbon click works even while the pane is closed (the controller keeps
// the request until the pane listens).
Office.onReady(() => {
  const host = officeHost();
  const controller = new PaneController();
  const commandContext = () => controller.commandContext(host.displayLanguage, () => host.showPane());
  associateCommands(commandContext);
  // On the web, shortcuts pressed in the focused pane never reach Office: the pane runs them itself.
  if (Office.context.platform === Office.PlatformType.OfficeOnline)
    handlePaneShortcuts(window, commandContext, /Mac/.test(navigator.platform));
  const container = document.getElementById('root');
  if (!container) return;
  createRoot(container).render(
    <App host={host} controller={controller} initialPage={pageFromUrl(window.location.search)} />,
  );
});
