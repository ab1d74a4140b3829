import { FINDING_CODES, makeFinding } from '../core/findings/finding';
import { validateInspectionRows } from '../core/validation/validateInspectionRows';
import { defaultTaxonomy } from '../core/taxonomy/defaultTaxonomy';
import { CATALOGS, LANGUAGES } from '../i18n';
import { findingTitle, renderFinding } from './renderFinding';

test('a finding on another sheet names that sheet, quoted', () => {
  const f = validateInspectionRows([['maybe', '']], 2, { qa_verdict: 0, qa_policy: 1 }, defaultTaxonomy(), 'QA b1');
  expect(renderFinding(f[0], 'en')).toContain("'QA b1'!A2");
});

test('in Japanese, verdict codes read as words, known policies with their names, languages by name', () => {
  const f = makeFinding('verdict_not_allowed', 4, 2, 'verdict', {
    verdict: 'remove',
    policy: 'SAF.HATE',
    allowed: 'approve, escalate',
  });
  const text = renderFinding(f, 'ja', 'Decisions', undefined, {
    policyName: (code) => (code === 'SAF.HATE' ? 'ヘイト' : undefined),
  });
  expect(text).toContain('削除');
  expect(text).toContain('ヘイト（SAF.HATE）');
  expect(text).toContain('承認、エスカレーション');
  expect(
    renderFinding(makeFinding('unknown_language', 2, 6, 'language', { value: 'xx', language: 'ja' }), 'en'),
  ).not.toContain('{language}');
});

test('an unknown policy with a suggestion asks whether it was meant, in both languages', () => {
  const f = { ...makeFinding('unknown_policy', 3, 3, 'policy', { value: 'SAF.HAT' }), suggestion: 'SAF.HATE' };
  expect(renderFinding(f, 'en')).toContain('Did you mean "SAF.HATE"?');
  expect(renderFinding(f, 'ja')).toContain('「SAF.HATE」のことですか？');
});

test('every finding code has a short English and Japanese title, distinct within a language', () => {
  for (const lang of LANGUAGES) {
    const titles = FINDING_CODES.map((code) => findingTitle(code, lang));
    expect(titles.every((t) => t.length > 0)).toBe(true);
    expect(new Set(titles).size).toBe(FINDING_CODES.length);
  }
  for (const code of FINDING_CODES) expect(findingTitle(code, 'ja')).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
});

test('every finding code has an English and a Japanese message that names the cell', () => {
  for (const code of FINDING_CODES) {
    for (const lang of LANGUAGES) {
      const template = CATALOGS[lang][`finding.${code}`];
      expect(template).toContain('{cell}');
      const text = renderFinding(
        makeFinding(code, 12, 2, 'verdict', {
          value: 'v',
          field: 'verdict',
          verdict: 'remove',
          policy: 'P',
          allowed: 'remove',
          replacement: 'R',
          otherRow: 3,
          otherVerdict: 'approve',
          otherPolicy: '(SAF.HATE)',
          moderator: 'sato',
          otherModerator: 'lee',
          language: 'ja',
          path: 'a → a',
          cells: 5,
          expected: 4,
        }),
        lang,
        '判定',
      );
      expect(text).toContain("'判定'!C12");
      expect(text).not.toMatch(/\{\w+\}/);
      if (lang === 'ja') expect(text).toMatch(/[\u3040-\u30ff]/);
    }
  }
});
