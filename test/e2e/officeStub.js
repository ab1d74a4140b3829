// Stands in for Office.js in the browser smoke test (no Office and no network here): just enough
// for the shell to start — onReady, the display language and theme, and actions.associate.
window.__associated = [];
window.Office = {
  PlatformType: {
    PC: 'PC',
    OfficeOnline: 'OfficeOnline',
    Mac: 'Mac',
    iOS: 'iOS',
    Android: 'Android',
    Universal: 'Universal',
  },
  onReady(callback) {
    setTimeout(() => callback({ host: 'Excel', platform: 'OfficeOnline' }), 0);
    return Promise.resolve();
  },
  context: {
    displayLanguage: window.__displayLanguage || 'en-US',
    officeTheme: { bodyBackgroundColor: '#ffffff' },
    ui: { openBrowserWindow() {} },
    // Excel on the web, as Office.js reports it: requirement sets are asked for at start (shortcuts, links).
    platform: 'OfficeOnline',
    requirements: { isSetSupported: (name, version) => name === 'ExcelApi' && Number(version) <= 1.15 },
  },
  actions: {
    associate(id) {
      window.__associated.push(id);
    },
  },
  addin: { showAsTaskpane: () => Promise.resolve() },
};

// No workbook behind the smoke test: a batch fails as Excel fails without one, and the pane must say so, not crash.
window.Excel = {
  run() {
    return Promise.reject(
      Object.assign(new Error('There is no workbook in the smoke test.'), { code: 'GeneralException' }),
    );
  },
};
