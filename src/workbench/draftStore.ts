/**
 * The unsaved workbook kept in the browser (IndexedDB) across a reload or a closed tab, until it
 * is saved or discarded: its .xlsx bytes (what Save writes; a big workbook fits, localStorage's
 * few MB would not), its file name and when it was kept. One draft per browser profile and origin.
 */
export interface Draft {
  bytes: Uint8Array;
  fileName: string;
  /** When the draft was kept (ms since the epoch). */
  savedAt: number;
}

const DB = 'moderation-qa-workbench';
const STORE = 'drafts';
const KEY = 'unsaved';

function database(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function transact<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await database();
  try {
    return await new Promise<T>((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const request = work(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(request.result);
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
}

export function keepDraft(draft: Draft): Promise<unknown> {
  return transact('readwrite', (store) => store.put(draft, KEY));
}

export async function readDraft(): Promise<Draft | undefined> {
  const found = (await transact('readonly', (store) => store.get(KEY))) as Draft | undefined;
  return found && found.bytes instanceof Uint8Array && typeof found.fileName === 'string' ? found : undefined;
}

export function dropDraft(): Promise<unknown> {
  return transact('readwrite', (store) => store.delete(KEY));
}
