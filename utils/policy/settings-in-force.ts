import { failure, success, type Reply } from '../messaging/reply';
import { readSettings, writeSettings, type Settings } from '../storage/settings-store';
import type { ManagedPolicy } from './managed-policy';
import { currentPolicy } from './policy-source';

/** Settings an administrator can set whole, by the policy field that sets each. */
const WHOLE_FIELDS = {
  retentionDays: 'activityLogRetentionDays',
  autoLockMinutes: 'autoLockMinutes',
  portalReturnUrl: 'portalReturnUrl',
  portalConfigurationId: 'portalConfigurationId',
  markEmails: 'markEmailAddresses',
} as const satisfies Partial<Record<keyof Settings, keyof ManagedPolicy>>;
type WholeField = keyof typeof WHOLE_FIELDS;
const WHOLE_FIELD_NAMES = Object.keys(WHOLE_FIELDS) as WholeField[];

/** Settings whose currencies an administrator can set one by one. */
const LIMIT_FIELDS = ['creditLimits', 'dailyCreditLimits'] as const;

const FIELD_LABEL: Record<WholeField, string> = {
  retentionDays: 'How long the activity log is kept',
  autoLockMinutes: 'When the passphrase lock locks itself',
  portalReturnUrl: 'The portal return URL',
  portalConfigurationId: 'The portal configuration',
  markEmails: 'Whether email addresses are marked',
};

/** What the organisation fixed, for Options to show as locked. */
export interface SetByOrganisation {
  fields: WholeField[];
  creditLimits: string[];
  dailyCreditLimits: string[];
  liveKeysAllowed: boolean;
  passphraseLockRequired: boolean;
  /** The sites the organisation allows; null when it leaves sites to the agent. */
  helpdeskSites: string[] | null;
  replaceBuiltInHelpdesks: boolean;
}

export interface SettingsView {
  /** What is in force: the agent's settings with the organisation's over them. */
  settings: Settings;
  organisation: SetByOrganisation;
  /** Policy values that were ignored, in sentences. */
  warnings: string[];
}

/** The agent's settings with every value the organisation set in its place. */
export function applyPolicy(settings: Settings, policy: ManagedPolicy): Settings {
  const applied: Settings = {
    ...settings,
    creditLimits: { ...settings.creditLimits, ...policy.creditLimits },
    dailyCreditLimits: { ...settings.dailyCreditLimits, ...policy.dailyCreditLimits },
  };
  for (const field of WHOLE_FIELD_NAMES) {
    const value = policy[WHOLE_FIELDS[field]];
    if (value !== undefined) (applied as Record<WholeField, unknown>)[field] = value;
  }
  return applied;
}

export function setByOrganisation(policy: ManagedPolicy): SetByOrganisation {
  return {
    fields: WHOLE_FIELD_NAMES.filter((field) => policy[WHOLE_FIELDS[field]] !== undefined),
    creditLimits: Object.keys(policy.creditLimits ?? {}).sort(),
    dailyCreditLimits: Object.keys(policy.dailyCreditLimits ?? {}).sort(),
    liveKeysAllowed: policy.liveKeysAllowed ?? true,
    passphraseLockRequired: policy.passphraseLockRequired ?? false,
    helpdeskSites: policy.helpdeskSites ?? null,
    replaceBuiltInHelpdesks: policy.helpdeskSites
      ? (policy.replaceBuiltInHelpdesks ?? false)
      : false,
  };
}

/** The settings the background acts by. */
export async function settingsInForce(): Promise<Settings> {
  const [settings, { policy }] = await Promise.all([readSettings(), currentPolicy()]);
  return applyPolicy(settings, policy);
}

export async function settingsView(): Promise<SettingsView> {
  const [settings, { policy, warnings }] = await Promise.all([readSettings(), currentPolicy()]);
  return {
    settings: applyPolicy(settings, policy),
    organisation: setByOrganisation(policy),
    warnings,
  };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Saves what the agent set. A value the organisation set cannot be changed from here: a
 * request that tries is refused whole, and what the agent had stored under it is kept for
 * the day the policy is lifted.
 */
export async function saveAgentSettings(asked: Partial<Settings>): Promise<Reply<SettingsView>> {
  const [stored, { policy }] = await Promise.all([readSettings(), currentPolicy()]);
  // A field left out keeps what is stored: each part of Options saves only its own.
  const requested: Settings = { ...stored, ...definedFieldsOf(asked) };
  for (const field of WHOLE_FIELD_NAMES) {
    const fixed = policy[WHOLE_FIELDS[field]];
    if (fixed !== undefined && field in asked && !same(requested[field], fixed))
      return failure(
        `${FIELD_LABEL[field]} is set by your organisation, so nothing was saved. Reload Options to see its value.`,
      );
  }
  const next: Settings = { ...requested };
  for (const field of WHOLE_FIELD_NAMES)
    if (policy[WHOLE_FIELDS[field]] !== undefined)
      (next as Record<WholeField, unknown>)[field] = stored[field];
  for (const field of LIMIT_FIELDS) {
    const fixed = policy[field] ?? {};
    for (const [code, figure] of Object.entries(fixed))
      if (field in asked && requested[field][code] !== figure)
        return failure(
          `The ${field === 'creditLimits' ? 'per-credit' : 'daily'} limit for ${code.toUpperCase()} is set by your organisation, so nothing was saved.`,
        );
    const agentOwn = Object.entries(requested[field]).filter(
      ([code]) => !Object.hasOwn(fixed, code),
    );
    const keptUnderPolicy = Object.entries(stored[field]).filter(([code]) =>
      Object.hasOwn(fixed, code),
    );
    next[field] = Object.fromEntries([...agentOwn, ...keptUnderPolicy]);
  }
  await writeSettings(next);
  return success(await settingsView());
}

const definedFieldsOf = (asked: Partial<Settings>): Partial<Settings> =>
  Object.fromEntries(Object.entries(asked).filter(([, value]) => value !== undefined));
