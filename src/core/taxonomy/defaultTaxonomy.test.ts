import { DSA_CATEGORIES } from './types';
import { defaultTaxonomy } from './defaultTaxonomy';
import { validateTaxonomy } from './validateTaxonomy';

test(
  'the default taxonomy has six sections and about 25 policies, ' + 'each with a DSA category, verdicts and both names',
  () => {
    const { policies } = defaultTaxonomy();
    const sections = policies.filter((p) => !p.parent);
    const leaves = policies.filter((p) => p.parent);
    expect(sections).toHaveLength(6);
    expect(leaves.length).toBeGreaterThanOrEqual(23);
    for (const p of leaves) {
      expect(DSA_CATEGORIES).toContain(p.dsaCategory);
      expect(p.allowedVerdicts.length).toBeGreaterThan(0);
      expect(p.nameEn).not.toBe('');
      expect(p.nameJa).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    }
    expect(validateTaxonomy(defaultTaxonomy())).toEqual([]);
  },
);
