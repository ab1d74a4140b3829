// Stands in for Office.js in the browser smoke test (no Office and no network here): just enough
// for the shell to start — onReady, the display language and theme, and actions.associate.
window.__associated = [];
window.Office = {
  onReady(callback) { setTimeout(() => callback({ host: 'Excel', platform: 'OfficeOnline' }), 0); return Promise.resolve(); },
  context: { displayLanguage: window.__displayLanguage || 'en-US', officeTheme: { bodyBackgroundColor: '#ffffff' }, ui: { openBrowserWindow() {} } },
  actions: { associate(id) { window.__associated.push(id); } },
  addin: { showAsTaskpane: () => Promise.resolve() },
};
