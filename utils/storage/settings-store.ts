import { z } from 'zod';
import { DEFAULT_GUARDRAILS } from '../guardrails';
import { defineProtectedItem } from './protected-items';

export const Settings = z.strictObject({
  /** Largest credit one action may post, in the currency's major unit. */
  maxCreditMajorUnits: z.number().int().min(1).max(99_999_999),
  /** Minutes without use after which the unlocked passphrase lock locks again. */
  autoLockMinutes: z.number().int().min(1).max(1440),
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
  maxCreditMajorUnits: DEFAULT_GUARDRAILS.maxCreditMajorUnits,
  retentionDays: 90,
  autoLockMinutes: 30,
  portalReturnUrl: null,
};

/**
 * Each field of stored settings that still reads, the default for any other. One bad field
 * (hand-edited storage, a value from a newer version) costs only itself, not the rest.
 */
export function repairSettings(stored: unknown): Settings {
  const fields = typeof stored === 'object' && stored !== null ? stored : {};
  const repaired: Record<string, unknown> = {};
  for (const [name, fallback] of Object.entries(DEFAULT_SETTINGS)) {
    const field = Settings.shape[name as keyof Settings].safeParse(
      (fields as Record<string, unknown>)[name],
    );
    repaired[name] = field.success ? field.data : fallback;
  }
  return Settings.parse(repaired);
}

/**
 * Versioned so that a later shape (per-currency limits) migrates what the agent set. v1 was
 * read by merging over the defaults and dropped every field when one was invalid; v2 is
 * stored whole and repaired field by field.
 */
export const SETTINGS_MIGRATIONS = {
  2: (v1: unknown): Settings => repairSettings(v1),
};

const settingsItem = defineProtectedItem<unknown>('settings', {
  fallback: DEFAULT_SETTINGS,
  version: 2,
  migrations: SETTINGS_MIGRATIONS,
});

/** Stored settings, repaired field by field where unreadable. */
export async function readSettings(): Promise<Settings> {
  return repairSettings(await settingsItem.getValue());
}

export async function writeSettings(settings: Settings): Promise<void> {
  await settingsItem.setValue(Settings.parse(settings));
}
