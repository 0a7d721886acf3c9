import { describe, expect, it } from 'vitest';
import { ALL_PERMISSION_PROBES } from '../../utils/objects/registry';
import { canDoAnything, neededPermissions } from '../../utils/stripe/key-permissions';

describe('the permissions Options lists', () => {
  const needed = neededPermissions(ALL_PERMISSION_PROBES);

  it("names every permission every kind probes, by the Dashboard's names, once each", () => {
    const probed = new Set(
      ALL_PERMISSION_PROBES.map((p) => `${p.dashboard.resource}: ${p.dashboard.access}`),
    );
    expect(needed.map((p) => p.name).sort()).toEqual([...probed].sort());
    expect(needed.map((p) => p.name)).toEqual(
      expect.arrayContaining(['Credit notes: Write', 'PaymentIntents: Read', 'Customers: Write']),
    );
    expect(JSON.stringify(needed)).not.toContain('rak_');
  });

  it('says which jobs each enables, and which are optional', () => {
    expect(needed.find((p) => p.name === 'Customers: Write')).toEqual({
      name: 'Customers: Write',
      jobs: ['crediting customer balances'],
      required: true,
    });
    expect(needed.find((p) => p.name === 'Credit notes: Read')).toMatchObject({ required: false });
  });

  it('counts a key missing every required permission as able to do nothing', () => {
    const missingAll = ALL_PERMISSION_PROBES.map((p) => ({
      permission: 'x',
      needFor: p.needFor,
      dashboard: p.dashboard,
      required: p.required,
    }));
    expect(canDoAnything(ALL_PERMISSION_PROBES, missingAll)).toBe(false);
    expect(canDoAnything(ALL_PERMISSION_PROBES, missingAll.slice(1))).toBe(true);
    expect(canDoAnything(ALL_PERMISSION_PROBES, [])).toBe(true);
  });
});
