// The analyst's daily loop in the workbench, in English (see loop.js).
const loop = require('./loop');

module.exports = (t) => loop(t, 'en');
module.exports.viewport = { width: 1600, height: 1000 };
