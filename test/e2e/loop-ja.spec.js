// The analyst's daily loop in the workbench, in Japanese (see loop.js).
const loop = require('./loop');

module.exports = (t) => loop(t, 'ja');
module.exports.viewport = { width: 1600, height: 1000 };
