import { DuckDBInstance } from '@duckdb/node-api';
import { decisionKeyText } from './drawSample';
import { sampleKey } from './sampleKey';

// docs/SAMPLING.md's DuckDB expression for a decision's draw key gives the add-in's key.
test("the decision draw key in DuckDB SQL equals the add-in's (with a time, without one, Japanese text)", async () => {
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  const cases: [string, string, string | null][] = [
    ['7301234567890123456', 'sato.h', '2026-11-20 10:00:05.7'],
    ['00123', '担当者A', null],
    ['a:b', 'lee', '2026-01-02 03:04:05'],
  ];
  for (const [item, moderator, at] of cases) {
    const sql =
      `SELECT ('0x' || substr(md5($seed || ':' || $item || ':' || $moderator || ':' || ` +
      `coalesce(strftime(${at ? `TIMESTAMP '${at}'` : 'NULL::TIMESTAMP'}, ` +
      `'%Y-%m-%dT%H:%M:%SZ'), '')), 1, 13))::UBIGINT / 2^52 AS draw_key`;
    const rows = (await c.runAndReadAll(sql, { seed: 'w48', item, moderator })).getRows();
    const ms = at ? Date.parse(`${at.replace(' ', 'T')}Z`) : null;
    expect(Number(rows[0][0])).toBe(sampleKey('w48', decisionKeyText(item, moderator, ms)));
  }
  c.closeSync?.();
});
