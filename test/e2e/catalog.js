// The catalogs as the browser tests read them: a message with its {params} as a RegExp.
require('tsx/cjs');
const { t: translate } = require('../../src/i18n/index.ts');

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A catalog message as a RegExp, its {params} matching anything. */
const pattern = (key, lang = 'en') =>
  new RegExp(
    translate(key, {}, lang)
      .split(/\{\w+\}/)
      .map(escape)
      .join('.*'),
  );

module.exports = { escape, pattern };
