import { normalizeKey } from '../text/normalizeKey';

// ISO 3166-1 alpha-2 officially assigned codes.
const ISO_3166 =
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS ' +
  'BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE ' +
  'EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM ' +
  'HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC ' +
  'LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA ' +
  'NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW ' +
  'SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO ' +
  'TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW';
// ISO 639-1 two-letter language codes.
const ISO_639_1 =
  'aa ab ae af ak am an ar as av ay az ba be bg bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de ' +
  'dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia ' +
  'id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo ' +
  'lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ' +
  'ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk ' +
  'tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu';

const MARKETS = new Set(ISO_3166.split(' '));
const LANGUAGES = new Set(ISO_639_1.split(' '));

/** Names and informal codes analysts write for markets, mapped to ISO 3166 codes. */
const MARKET_ALIASES: Record<string, string> = {
  uk: 'GB',
  日本: 'JP',
  japan: 'JP',
  アメリカ: 'US',
  米国: 'US',
  usa: 'US',
  unitedstates: 'US',
  イギリス: 'GB',
  英国: 'GB',
  unitedkingdom: 'GB',
  ドイツ: 'DE',
  germany: 'DE',
  フランス: 'FR',
  france: 'FR',
  ブラジル: 'BR',
  brazil: 'BR',
  韓国: 'KR',
  korea: 'KR',
  台湾: 'TW',
  taiwan: 'TW',
  インドネシア: 'ID',
  indonesia: 'ID',
  el: 'GR',
  eu: '',
};
const LANGUAGE_ALIASES: Record<string, string> = {
  日本語: 'ja',
  japanese: 'ja',
  jp: 'ja',
  英語: 'en',
  english: 'en',
  ドイツ語: 'de',
  german: 'de',
  フランス語: 'fr',
  french: 'fr',
  ポルトガル語: 'pt',
  portuguese: 'pt',
  韓国語: 'ko',
  korean: 'ko',
  中国語: 'zh',
  chinese: 'zh',
  スペイン語: 'es',
  spanish: 'es',
};

/**
 * The ISO 3166-1 alpha-2 market code a cell means (UK → GB, 日本 → JP).
 *
 * @example parseMarket('jp') // 'JP'
 * Invalid input: empty gives `null`; unknown gives `undefined`.
 */
export function parseMarket(value: unknown): string | null | undefined {
  if (value === '' || value === null || value === undefined) return null;
  const raw = String(value).normalize('NFKC').trim();
  if (!raw) return null;
  const upper = raw.toUpperCase();
  if (upper.length === 2 && MARKETS.has(upper)) return upper;
  const alias = MARKET_ALIASES[normalizeKey(raw)];
  return alias ? alias : undefined;
}

/**
 * The ISO 639-1 language code a cell means; BCP 47 tags keep their primary subtag (en-US → en).
 *
 * @example parseLanguage('ja-JP') // 'ja'
 * Invalid input: empty gives `null`; unknown gives `undefined`.
 */
export function parseLanguage(value: unknown): string | null | undefined {
  if (value === '' || value === null || value === undefined) return null;
  const raw = String(value).normalize('NFKC').trim();
  if (!raw) return null;
  const primary = raw.split(/[-_]/)[0].toLowerCase();
  if (primary.length === 2 && LANGUAGES.has(primary)) return primary;
  return LANGUAGE_ALIASES[normalizeKey(raw)];
}
