// The lead's week in the workbench, in English (see lead.js).
const lead = require('./lead');

module.exports = (t) => lead(t, 'en');
module.exports.viewport = { width: 1600, height: 1000 };
