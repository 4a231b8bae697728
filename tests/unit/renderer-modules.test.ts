import { describe, expect, it } from 'vitest';
import { joinCatalogues } from '../../src/renderer/core/i18n/join';
import { casesDa } from '../../src/renderer/cases/i18n';
import { coreDa } from '../../src/renderer/core/i18n/da';

describe('the renderer joins the areas\' string catalogues', () => {
  it('refuses a key defined by two catalogues', () => {
    expect(() => joinCatalogues('test', { 'a.x': 'A' }, { 'b.y': 'B', 'a.x': 'again' })).toThrow(/string key defined twice: a\.x/);
  });

  it('keeps every key of every part, Danish and English alike', () => {
    expect(Object.keys(joinCatalogues('test', { 'a.x': 'A' }, { 'b.y': 'B' })).sort()).toEqual(['a.x', 'b.y']);
    const da = joinCatalogues('test', coreDa, casesDa);
    for (const key of Object.keys(casesDa)) expect(da).toHaveProperty([key]);
    for (const key of Object.keys(coreDa)) expect(da).toHaveProperty([key]);
  });

  it('core keeps only core text: no area\'s keys in its catalogue', () => {
    const areaPrefixes = ['cases.', 'sspPlus.', 'meetings.', 'releases.', 'report.', 'settings.', 'vault.', 'passphrase.'];
    expect(Object.keys(coreDa).filter((k) => areaPrefixes.some((p) => k.startsWith(p)))).toEqual([]);
  });
});
