import { failure, success, type Reply } from '../messaging/reply';
import { readSettings, writeSettings, type Settings } from '../storage/settings-store';
import {
  beyondBound,
  limitBound,
  limitsUnderPolicy,
  LIMIT_FIELDS,
  type LimitPolicy,
} from './limit-bounds';
import type { ManagedPolicy } from './managed-policy';
import { currentPolicy } from './policy-source';

/** Settings an administrator can set whole, by the policy field that sets each. */
const WHOLE_FIELDS = {
  retentionDays: 'activityLogRetentionDays',
  autoLockMinutes: 'autoLockMinutes',
  portalReturnUrl: 'portalReturnUrl',
  portalConfigurationId: 'portalConfigurationId',
  markEmails: 'markEmailAddresses',
  agentName: 'agentName',
} as const satisfies Partial<Record<keyof Settings, keyof ManagedPolicy>>;
type WholeField = keyof typeof WHOLE_FIELDS;
const WHOLE_FIELD_NAMES = Object.keys(WHOLE_FIELDS) as WholeField[];

const FIELD_LABEL: Record<WholeField, string> = {
  retentionDays: 'How long the activity log is kept',
  autoLockMinutes: 'When the passphrase lock locks itself',
  portalReturnUrl: 'The portal return URL',
  portalConfigurationId: 'The portal configuration',
  markEmails: 'Whether email addresses are marked',
  agentName: 'The agent name',
};

/** What the organisation fixed, for Options to show as locked. */
export interface SetByOrganisation {
  fields: WholeField[];
  /** The limits it pinned and what bounds the agent's, for Options to show and check. */
  limitPolicy: Required<LimitPolicy>;
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

/**
 * The agent's settings with every value the organisation set in its place, and the agent's
 * limits held within the organisation's bounds (limit-bounds.ts).
 */
export function applyPolicy(settings: Settings, policy: ManagedPolicy): Settings {
  const applied: Settings = {
    ...settings,
    creditLimits: limitsUnderPolicy('creditLimits', settings.creditLimits, policy),
    dailyCreditLimits: limitsUnderPolicy('dailyCreditLimits', settings.dailyCreditLimits, policy),
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
    limitPolicy: {
      creditLimits: policy.creditLimits ?? {},
      dailyCreditLimits: policy.dailyCreditLimits ?? {},
      lockLimits: policy.lockLimits ?? false,
    },
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
 * the day the policy is lifted. A limit the organisation bounds may be lowered, never raised
 * past its bound; one sent back as Options showed it (already held within the bound) keeps
 * what the agent had stored, so a save elsewhere in the form does not overwrite it.
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
    if (!(field in asked)) continue;
    const fixed = policy[field] ?? {};
    for (const [code, figure] of Object.entries(fixed))
      if (requested[field][code] !== figure)
        return failure(
          `The ${field === 'creditLimits' ? 'per-credit' : 'daily'} limit for ${code.toUpperCase()} is set by your organisation, so nothing was saved.`,
        );
    const shown = limitsUnderPolicy(field, stored[field], policy);
    const saved: Record<string, number> = {};
    for (const [code, figure] of Object.entries(requested[field])) {
      const bound = limitBound(field, code, policy);
      const unchanged = figure === shown[code] && Object.hasOwn(stored[field], code);
      if (bound.kind === 'pinned' || unchanged) {
        // Kept for the day the policy is lifted: what the agent stored, not what was shown.
        if (Object.hasOwn(stored[field], code)) saved[code] = stored[field][code]!;
        continue;
      }
      const beyond = beyondBound(field, code, figure, bound);
      if (beyond)
        return failure(
          `${beyond.reason}, so nothing was saved.${beyond.most ? ` Enter ${beyond.most} or less.` : ''}`,
        );
      saved[code] = figure;
    }
    next[field] = saved;
  }
  await writeSettings(next);
  return success(await settingsView());
}

const definedFieldsOf = (asked: Partial<Settings>): Partial<Settings> =>
  Object.fromEntries(Object.entries(asked).filter(([, value]) => value !== undefined));
