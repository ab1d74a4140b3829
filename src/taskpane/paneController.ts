import type { CommandContext, PageId } from '../commands/types';
import type { Lang } from '../i18n';

/** A request to show a page, and whether to start its main action (a ribbon Validate does validate). */
export interface PaneRequest {
  page: PageId;
  start: boolean;
  /** Increases with every request, so the same request twice still runs twice. */
  id: number;
}

/**
 * The link between commands (ribbon, shortcuts, the workbench toolbar) and the pane: commands ask
 * for a page, the pane turns to it. A request made before the pane rendered waits for it.
 */
export class PaneController {
  private listener: ((request: PaneRequest) => void) | undefined;
  private pending: PaneRequest | undefined;
  private seq = 0;
  /** Set by the Inspect page while it is open: the Next item command moves it on. */
  nextPendingItem: (() => Promise<void>) | undefined;

  request(page: PageId, start = false): void {
    const request = { page, start, id: ++this.seq };
    if (this.listener) this.listener(request);
    else this.pending = request;
  }

  /** The pane listens here; returns how to stop. */
  attach(listener: (request: PaneRequest) => void): () => void {
    this.listener = listener;
    if (this.pending) {
      const request = this.pending;
      this.pending = undefined;
      listener(request);
    }
    return () => {
      if (this.listener === listener) this.listener = undefined;
    };
  }

  /** What a command needs, for a host that can show its pane. */
  commandContext(lang: Lang, showPane: () => Promise<void>): CommandContext {
    return {
      lang,
      showPane: async (page, options) => {
        if (page) this.request(page, options?.start ?? false);
        await showPane();
      },
      nextPendingItem: this.nextPendingItem,
    };
  }
}
