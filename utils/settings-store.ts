import { z } from 'zod';
import { storage } from 'wxt/utils/storage';

export const Settings = z.strictObject({
  /** Largest credit one action may post, in the currency's major unit. */
  maxCreditMajorUnits: z.number().int().min(1).max(99_999_999),
  /** Days the activity log keeps settled records. */
  retentionDays: z.number().int().min(1).max(3650),
  /** Where the billing portal sends the customer back; null for the portal's default. */
  portalReturnUrl: z
    .url({ protocol: /^https$/, error: 'The return URL must be an https:// address.' })
    .max(2000)
    .nullable(),
});
export type Settings = z.infer<typeof Settings>;

export const DEFAULT_SETTINGS: Settings = {
  maxCreditMajorUnits: 100,
  retentionDays: 90,
  portalReturnUrl: null,
};

const settingsItem = storage.defineItem<unknown>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 1,
});

/** Stored settings, or the defaults for anything missing or unreadable. */
export async function readSettings(): Promise<Settings> {
  const stored = await settingsItem.getValue();
  const merged = Settings.safeParse({
    ...DEFAULT_SETTINGS,
    ...(typeof stored === 'object' ? stored : {}),
  });
  return merged.success ? merged.data : DEFAULT_SETTINGS;
}

export async function writeSettings(settings: Settings): Promise<void> {
  await settingsItem.setValue(Settings.parse(settings));
}
