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

  it('migrates v1 settings from storage.local, keeping every field that still reads', async () => {
    // v1 was stored in storage.local with no version; one bad field made the whole of it
    // read as the defaults.
    await fakeBrowser.storage.local.set({
      settings: { maxCreditMajorUnits: 40, retentionDays: 0, portalReturnUrl: null },
    });
    expect(await readSettings()).toEqual({ ...DEFAULT_SETTINGS, maxCreditMajorUnits: 40 });
    expect(await readAllProtectedItems()).toContainEqual({
      key: 'settings',
      version: 2,
      value: { ...DEFAULT_SETTINGS, maxCreditMajorUnits: 40 },
    });
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });

  it('never adopts settings written to storage.local after the move (a content script can)', async () => {
    await writeSettings({ ...DEFAULT_SETTINGS, maxCreditMajorUnits: 40 });
    await fakeBrowser.storage.local.set({
      settings: { ...DEFAULT_SETTINGS, maxCreditMajorUnits: 99_999_999 },
    });
    await closeProtectedStorage(); // As after a worker restart.
    expect((await readSettings()).maxCreditMajorUnits).toBe(40);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });
});
