import { describe, expect, it } from 'vitest';
import { checkModules, modules } from '../../src/main/modules';
import { DOMAINS } from '../../src/shared/core/domains';
import { retentionParts } from '../../src/main/core/module';
import { createTestVault } from './helpers';

describe('the list that joins the domains in main', () => {
  it('holds every domain exactly once, by folder name', () => {
    expect(modules.map((m) => m.name).sort()).toEqual([...DOMAINS].sort());
    expect(() => checkModules(modules)).not.toThrow();
  });

  it('refuses a domain listed twice', () => {
    expect(() => checkModules([...modules, modules[1]!])).toThrow(/listed twice: cases/);
  });

  it('refuses a domain left out', () => {
    expect(() => checkModules(modules.filter((m) => m.name !== 'releases'))).toThrow(/missing: releases/);
  });

  it('refuses an entry that is not a domain', () => {
    expect(() => checkModules([...modules, { ...modules[0]!, name: 'reports' as never }])).toThrow(/not a domain: reports/);
  });

  it('refuses a domain whose handlers are missing (a contract operation without a handler)', () => {
    const withoutHandlers = modules.map((m) => (m.name === 'settings' ? { ...m, handlers: {} } : m));
    expect(() => checkModules(withoutHandlers)).toThrow(/without a handler: settings.get/);
  });

  it('runs each domain that holds personal data in retention: cases, leader-meetings, ssp-plus, releases, overview', () => {
    const names = modules.filter((m) => m.retention).map((m) => m.name).sort();
    expect(names).toEqual(['cases', 'leader-meetings', 'overview', 'releases', 'ssp-plus']);
    expect(retentionParts(modules)).toHaveLength(5);
  });

  it("creates a vault with each domain's default reference data (the vault imports no domain)", async () => {
    const v = await createTestVault();
    try {
      const districts = await v.call<unknown[]>('districts.list', {});
      expect(districts.length).toBe(10);
      const efforts = await v.call<unknown[]>('efforts.list', {});
      expect(efforts.length).toBeGreaterThan(0);
    } finally {
      v.cleanup();
    }
  });
});
