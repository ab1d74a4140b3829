/**
 * Platform profiles: the requirement sets Excel on the web, on Windows and on Mac report to
 * `isSetSupported` (Microsoft 365 builds; requirement-sets/excel/excel-api-requirement-sets and
 * requirement-sets/common/*). OpenBrowserWindowApi 1.1 is "Not supported" on Office on the web
 * (requirement-sets/common/open-browser-window-api-requirement-sets).
 */
export type Platform = 'web' | 'windows' | 'mac';

/** Requirement set → highest version supported. */
export type RequirementSets = Record<string, string>;

/**
 * The highest ExcelApi set Microsoft's client can send: the Excel proxies of npm
 * @microsoft/office-js 1.1.110 (the latest release) stop at ExcelApi 1.15 — `Range.valuesAsJson`
 * (1.16) is not in it, so `range.valuesAsJson = …` would stay a plain property and send nothing.
 * The profiles claim no more than the client implements, so a flow never takes a path that would
 * silently write nothing (Excel itself, with the evergreen CDN client, reports up to 1.20).
 */
export const CLIENT_EXCEL_API = '1.15';

const COMMON: RequirementSets = {
  ExcelApi: CLIENT_EXCEL_API,
  SharedRuntime: '1.1',
  RibbonApi: '1.1',
  KeyboardShortcuts: '1.1',
  DialogApi: '1.2',
  CustomFunctionsRuntime: '1.4',
  IdentityAPI: '1.3',
  AddinCommands: '1.1',
  // The client's own capability checks (request flags, retrieve()).
  RichApiRuntime: '1.1',
  RichApiRuntimeFlag: '1.2',
};

export const PLATFORM_REQUIREMENTS: Record<Platform, RequirementSets> = {
  web: { ...COMMON, ExcelApiOnline: '1.1' },
  windows: { ...COMMON, OpenBrowserWindowApi: '1.1', ExcelApiDesktop: '1.1' },
  mac: { ...COMMON, OpenBrowserWindowApi: '1.1', ExcelApiDesktop: '1.1' },
};

export function atLeast(have: string, want: string): boolean {
  const a = have.split('.').map(Number);
  const b = want.split('.').map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d > 0;
  }
  return true;
}

/** isSetSupported of one profile; `DelayForCellEdit` (Excel.run's delayForCellEdit) comes with ExcelApi 1.11. */
export function requirementCheck(sets: RequirementSets): (name: string, version?: string) => boolean {
  return (name, version) => {
    if (name === 'DelayForCellEdit') return sets.ExcelApi !== undefined && atLeast(sets.ExcelApi, '1.11');
    const have = sets[name];
    return have !== undefined && atLeast(have, version || '1.1');
  };
}
