/**
 * Microsoft's own Excel JavaScript API client (npm @microsoft/office-js, `excel-web-16.00.js`),
 * loaded once per process (per jest test file, CLI run or workbench page) and shared by every
 * embedded workbook. In Node it is evaluated in its own `vm` realm with the few browser globals it
 * reads at load time; in the browser (the workbench) the page loads it with a <script> tag and it
 * is taken from `window`.
 */
export interface OfficeClient {
  Excel: typeof Excel;
  OfficeExtension: typeof OfficeExtension & {
    SessionBase: new () => object;
    CoreUtility: { _createPromiseFromResult<T>(value: T): Promise<T> };
    CommonUtility: { isSetSupported(name: string, version?: string): boolean };
    EventHandlers: { prototype: { fireEvent(args: unknown): unknown; m_handlers: unknown[] } };
    _testSetRichApiMessageReadyImpl(impl: () => Promise<void>): void;
    _testTriggerRichApiMessageEvent(message: unknown): void;
  };
  /** Milliseconds it took to load (read and evaluate) the client. */
  loadMs: number;
}

/** The requirement-set check the client consults (Office.context.requirements.isSetSupported). */
type RequirementCheck = (name: string, version?: string) => boolean;

let client: OfficeClient | undefined;
let requirements: RequirementCheck = () => true;
/** Handler promises of events in flight, so a grid edit can wait for the add-in's handlers. */
const handlersInFlight = new Set<Promise<unknown>>();

/** Sets the requirement sets the client sees (the platform of the workbook whose batch runs). */
export function useRequirements(check: RequirementCheck): void {
  requirements = check;
}

/** Waits until the add-in's event handlers that are running have finished (and those they caused). */
export async function eventHandlersSettled(): Promise<void> {
  // Events are delivered on a later turn (and a handler's own writes raise more): wait turn by turn.
  for (let round = 0; round < 20; round++) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (!handlersInFlight.size) return;
    await Promise.all([...handlersInFlight]);
  }
}

type ClientGlobals = Record<string, unknown>;

function loadInNode(): { globals: ClientGlobals; ms: number } {
  const started = performance.now();
  // Node's own modules, reached without a static import so the browser bundle never pulls them in.
  const builtin = (process as unknown as { getBuiltinModule(id: string): unknown }).getBuiltinModule;
  const vm = builtin('node:vm') as typeof import('node:vm');
  const fs = builtin('node:fs') as typeof import('node:fs');
  const { createRequire } = builtin('node:module') as typeof import('node:module');
  const file = createRequire(__filename).resolve('@microsoft/office-js/dist/excel-web-16.00.js');
  const g: ClientGlobals = { console, setTimeout, clearTimeout, setInterval, clearInterval, Promise, performance };
  g.window = g;
  g.self = g;
  g.navigator = { userAgent: 'Node.js (embedded Excel)', language: 'en-US' };
  g.document = {
    getElementsByTagName: () => [],
    createElement: () => ({ setAttribute() {} }),
    readyState: 'complete',
    addEventListener() {},
    cookie: '',
  };
  g.location = {
    href: 'https://localhost/taskpane.html',
    protocol: 'https:',
    host: 'localhost',
    hostname: 'localhost',
    search: '',
    hash: '',
    origin: 'https://localhost',
  };
  vm.createContext(g);
  vm.runInContext(fs.readFileSync(file, 'utf8'), g, { filename: file });
  return { globals: g, ms: performance.now() - started };
}

/** The client, loaded on first use. */
export function officeClient(): OfficeClient {
  if (client) return client;
  const browser = typeof window !== 'undefined' && (window as unknown as ClientGlobals).OfficeExtension !== undefined;
  const { globals, ms } = browser ? { globals: window as unknown as ClientGlobals, ms: 0 } : loadInNode();
  const loaded = { Excel: globals.Excel, OfficeExtension: globals.OfficeExtension, loadMs: ms } as OfficeClient;
  if (!loaded.Excel || !loaded.OfficeExtension)
    throw new Error(
      'Microsoft Office.js (excel-web-16.00.js) is not loaded: the workbench page must include it before its bundle.',
    );
  const ext = loaded.OfficeExtension;
  // The requirement sets are those of the embedded workbook's platform profile.
  ext.CommonUtility.isSetSupported = (name: string, version?: string) => requirements(name, version);
  // Events reach the client as RichApi messages from its host; no Office host page is here to
  // acknowledge the registration, so the client's own test hook declares it ready.
  ext._testSetRichApiMessageReadyImpl(() => Promise.resolve());
  // The client fires handlers without returning their promises; keep them so a grid edit can
  // wait for the add-in's reaction (the handlers and their results are unchanged).
  const proto = ext.EventHandlers.prototype;
  proto.fireEvent = function (this: { m_handlers: ((args: unknown) => unknown)[] }, args: unknown) {
    const done = Promise.all(
      this.m_handlers.map((h) =>
        Promise.resolve()
          .then(() => h(args))
          .catch(() => undefined),
      ),
    );
    handlersInFlight.add(done);
    void done.finally(() => handlersInFlight.delete(done));
    return undefined;
  };
  client = loaded;
  return client;
}
