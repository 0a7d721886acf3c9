import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { closeProtectedStorage, readAllProtectedItems } from '../../utils/storage/protected-items';
import {
  DEFAULT_SETTINGS,
  readSettings,
  repairSettings,
  writeSettings,
} from '../../utils/storage/settings-store';

describe('settings', () => {
  it.each([
    ['nothing stored', undefined, DEFAULT_SETTINGS],
    ['not an object', 'x', DEFAULT_SETTINGS],
    [
      'one bad field among good ones',
      {
        creditLimits: { usd: -5 },
        retentionDays: 30,
        portalReturnUrl: 'https://acme.example/back',
      },
      { ...DEFAULT_SETTINGS, retentionDays: 30, portalReturnUrl: 'https://acme.example/back' },
    ],
    [
      'an http return URL and an unknown field',
      { creditLimits: { usd: 250 }, portalReturnUrl: 'http://acme.example', extra: 1 },
      { ...DEFAULT_SETTINGS, creditLimits: { usd: 250 } },
    ],
  ])('repairs %s field by field', (_name, stored, expected) => {
    expect(repairSettings(stored)).toEqual(expected);
  });

  it('migrates v1 settings from storage.local, keeping every field that still reads', async () => {
    // v1 was stored in storage.local with no version; one bad field made the whole of it
    // read as the defaults. Its one limit, 40 in every currency's major unit, is kept for the
    // currencies of about a dollar's value; the others take their own defaults.
    await fakeBrowser.storage.local.set({
      settings: { maxCreditMajorUnits: 40, retentionDays: 0, portalReturnUrl: null },
    });
    const settings = await readSettings();
    expect(settings.retentionDays).toBe(DEFAULT_SETTINGS.retentionDays);
    expect(settings.creditLimits).toMatchObject({ usd: 40, eur: 40, gbp: 40, chf: 40, cad: 40 });
    expect(settings.creditLimits).not.toHaveProperty('jpy');
    expect(settings.creditLimits).not.toHaveProperty('kwd');
    expect(await readAllProtectedItems()).toContainEqual({
      key: 'settings',
      version: 3,
      value: settings,
    });
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });

  it('migrates the default single limit to the per-currency defaults', async () => {
    await fakeBrowser.storage.local.set({
      settings: { maxCreditMajorUnits: 100, retentionDays: 90, portalReturnUrl: null },
    });
    expect((await readSettings()).creditLimits).toEqual({});
  });

  it('never adopts settings written to storage.local after the move (a content script can)', async () => {
    await writeSettings({ ...DEFAULT_SETTINGS, creditLimits: { usd: 40 } });
    await fakeBrowser.storage.local.set({
      settings: { ...DEFAULT_SETTINGS, creditLimits: { usd: 99_999_999 } },
    });
    await closeProtectedStorage(); // As after a worker restart.
    expect((await readSettings()).creditLimits).toEqual({ usd: 40 });
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });
});

describe('limits written twice', () => {
  it.each([
    ['lower-case first', { usd: 50, USD: 10 }],
    ['upper-case first', { USD: 10, usd: 50 }],
  ])('keeps the lower figure for a currency stored twice (%s)', (_, limits) => {
    expect(repairSettings({ creditLimits: limits, dailyCreditLimits: limits })).toMatchObject({
      creditLimits: { usd: 10 },
      dailyCreditLimits: { usd: 10 },
    });
  });
});
