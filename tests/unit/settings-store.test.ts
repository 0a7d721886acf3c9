import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, repairSettings } from '../../utils/storage/settings-store';

describe('settings', () => {
  it.each([
    ['nothing stored', undefined, DEFAULT_SETTINGS],
    ['not an object', 'x', DEFAULT_SETTINGS],
    [
      'one bad field among good ones',
      { maxCreditMajorUnits: -5, retentionDays: 30, portalReturnUrl: 'https://acme.example/back' },
      { ...DEFAULT_SETTINGS, retentionDays: 30, portalReturnUrl: 'https://acme.example/back' },
    ],
    [
      'an http return URL and an unknown field',
      { maxCreditMajorUnits: 250, portalReturnUrl: 'http://acme.example', extra: 1 },
      { ...DEFAULT_SETTINGS, maxCreditMajorUnits: 250 },
    ],
  ])('repairs %s field by field', (_name, stored, expected) => {
    expect(repairSettings(stored)).toEqual(expected);
  });

  it('migrates v1 settings, keeping every field that still reads', async () => {
    // v1 was stored with no version; one bad field made the whole of it read as the defaults.
    await fakeBrowser.storage.local.set({
      settings: { maxCreditMajorUnits: 40, retentionDays: 0, portalReturnUrl: null },
    });
    vi.resetModules();
    const { readSettings } = await import('../../utils/storage/settings-store');
    expect(await readSettings()).toEqual({ ...DEFAULT_SETTINGS, maxCreditMajorUnits: 40 });
    expect(await fakeBrowser.storage.local.get(['settings', 'settings$'])).toEqual({
      settings: { ...DEFAULT_SETTINGS, maxCreditMajorUnits: 40 },
      settings$: { v: 2 },
    });
  });
});
