import { createContext, useContext } from 'react';
import type { Mapping } from '../../core/mapping/detectMapping';
import type { PageId } from '../../commands/types';
import type { InspectionWatcher } from '../../flows/inspectionWatcher';
import type { PaneHost } from '../host';
import type { PaneController } from '../paneController';

/** What the pages share while the pane is open: the confirmed decisions sheet and mapping, the batch in work. */
export interface SessionState {
  sheet?: string;
  mapping?: Mapping;
  batch?: string;
  inspector: string;
}

export interface Session extends SessionState {
  host: PaneHost;
  controller: PaneController;
  /** The session's watch over the inspection sheets: grid edits are inspections whichever page is open. */
  watcher: InspectionWatcher;
  update(patch: Partial<SessionState>): void;
  go(page: PageId): void;
  /** A command's request to start a page's main action (ribbon Validate, Refresh report), until the page takes it. */
  start?: { page: PageId; id: number };
  /** The page took the start request: it will not run again on the next visit. */
  consumeStart(): void;
}

export const SessionContext = createContext<Session | undefined>(undefined);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside the pane');
  return session;
}
