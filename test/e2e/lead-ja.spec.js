// The lead's week in the workbench, in Japanese (see lead.js).
const lead = require('./lead');

module.exports = (t) => lead(t, 'ja');
module.exports.viewport = { width: 1600, height: 1000 };
