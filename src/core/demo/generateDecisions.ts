import type { CellValue } from '../../excelSpec';
import { msToSerial } from '../normalize/parseDate';
import { defaultTaxonomy } from '../taxonomy/defaultTaxonomy';

export interface GenerateDecisionsOptions {
  rows: number;
  seed?: number;
  /** Header language. */
  headers?: 'en' | 'ja';
  /** Share of rows with a deliberate problem (unknown policy, missing verdict, …). Default 0.02. */
  badRate?: number;
  /** Decisions are spread over the 30 days before this UTC millisecond. */
  now?: number;
}

/** mulberry32: a tiny seeded generator, good enough for demo data (never for sampling). */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HEADERS = {
  en: [
    'Video ID',
    'Moderator',
    'Decision',
    'Policy',
    'Decided At',
    'Market',
    'Language',
    'Queue',
    'URL',
    'Notes',
    'Caption',
    'Duration (s)',
  ],
  ja: [
    '動画ID',
    '担当者',
    '判定',
    'ポリシー',
    '判定日時',
    '市場',
    '言語',
    'キュー',
    'リンク',
    'メモ',
    'キャプション',
    '再生時間(秒)',
  ],
};
const MODERATORS = [
  'sato.h',
  'suzuki.k',
  'takahashi.m',
  'tanaka.y',
  'ito.r',
  'j.smith',
  'a.garcia',
  'l.chen',
  'm.muller',
  'p.silva',
  'k.okafor',
  'e.dubois',
];
const MARKETS: [string, string][] = [
  ['JP', 'ja'],
  ['JP', 'ja'],
  ['JP', 'ja'],
  ['US', 'en'],
  ['US', 'en'],
  ['GB', 'en'],
  ['DE', 'de'],
  ['BR', 'pt'],
  ['FR', 'fr'],
];
const QUEUES = ['main', 'appeals', 'live', 'priority', '通報キュー'];
const VERDICT_WORDS = {
  approve: ['approve', '承認', '問題なし', 'approve'],
  remove: ['remove', '削除', 'Remove', 'takedown'],
  age_restrict: ['age_restrict', '年齢制限', 'Age Restrict'],
  fyf_ineligible: ['fyf_ineligible', 'おすすめ対象外', 'not for feed'],
  escalate: ['escalate', 'エスカレーション'],
};
const NOTES = [
  '',
  '',
  '',
  'checked audio',
  '字幕あり',
  '=HYPERLINK("http://x")',
  '+1 from lead',
  '-',
  '@mention in caption',
  '🙂 borderline',
  'تحقق من النص',
];
const CAPTIONS = [
  'dance challenge 💃',
  '今日のランチ',
  'cooking tips',
  'やってみた',
  'prank gone wrong',
  'ニュース速報',
  'giveaway!!! click link',
  'cat compilation 🐱',
];

/**
 * Realistic decision rows for demos, tests and the bench: a header row (English or Japanese),
 * then moderators' decisions with mixed English and Japanese values, 19-digit video IDs as text,
 * dates as serials and as Japanese or ISO text, and about `badRate` rows with a deliberate problem.
 * Deterministic for a seed.
 *
 * @example generateDecisions({ rows: 3, headers: 'ja' })[0][0] // '動画ID'
 * Invalid input: rows < 0 gives just the header row.
 */
export function generateDecisions(options: GenerateDecisionsOptions): CellValue[][] {
  const rand = mulberry32(options.seed ?? 48);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)];
  const now = options.now ?? Date.UTC(2026, 10, 24, 9, 0);
  const bad = options.badRate ?? 0.02;
  const policies = defaultTaxonomy().policies.filter((p) => p.parent && p.status === 'active');
  const out: CellValue[][] = [HEADERS[options.headers ?? 'en'].slice()];
  const base = 7300000000000000000n;
  for (let i = 0; i < options.rows; i++) {
    const policy = pick(policies);
    const enforce = rand() < 0.62;
    const verdict = enforce ? pick(policy.allowedVerdicts) : rand() < 0.03 ? 'escalate' : 'approve';
    const [market, language] = pick(MARKETS);
    const ja = market === 'JP';
    const decided = now - Math.floor(rand() * 30 * 86400000);
    const dateForm = rand();
    const decidedAt: CellValue =
      dateForm < 0.6
        ? msToSerial(decided)
        : ja
          ? new Date(decided).toISOString().slice(0, 16).replace('T', ' ').replace(/-/g, '/')
          : new Date(decided).toISOString().slice(0, 19) + 'Z';
    const id = (base + BigInt(i) * 7919n + BigInt(Math.floor(rand() * 7000))).toString();
    const row: CellValue[] = [
      id,
      pick(MODERATORS),
      pick(VERDICT_WORDS[verdict as keyof typeof VERDICT_WORDS]),
      verdict === 'approve' || verdict === 'escalate' ? '' : ja && rand() < 0.5 ? policy.nameJa : policy.code,
      decidedAt,
      market,
      language,
      pick(QUEUES),
      `https://video.example.com/v/${id}`,
      pick(NOTES),
      pick(CAPTIONS),
      Math.floor(rand() * 180) + 5,
    ];
    if (rand() < bad) {
      switch (Math.floor(rand() * 8)) {
        case 0:
          row[3] = 'SAF.HTAE';
          row[2] = 'remove';
          break; // typo in a policy
        case 1:
          row[2] = '';
          break; // missing verdict
        case 2:
          row[2] = 'approve';
          row[3] = policy.code;
          break; // approve with a policy
        case 3:
          if (out.length > 1) {
            row[0] = out[Math.max(1, out.length - 3)][0];
            row[2] = row[2] === 'approve' ? 'remove' : 'approve';
          }
          break; // conflicting duplicate
        case 4:
          row[5] = 'XX';
          break; // unknown market
        case 5:
          row[4] = '2027/01/15 10:00';
          break; // future date
        case 6:
          row[0] = Number(id);
          break; // 19-digit ID stored as a number
        default:
          row[3] = 'INT.SPAM';
          row[2] = 'remove';
          break; // deprecated policy
      }
    }
    out.push(row);
  }
  return out;
}
