/**
 * The managed-storage schema Chrome validates an organisation's policy against, written into
 * the build as MANAGED_SCHEMA_FILE. Chrome drops a value that does not fit, so types are
 * declared but ranges are not: a zero or negative limit reaches managed-policy.ts, which
 * ignores it and says so in Options instead of it vanishing without a word.
 */
export const MANAGED_SCHEMA_FILE = 'managed-schema.json';

const limits = (title: string) => ({
  title,
  description:
    'By lowercase ISO currency code, in major units (usd: 50 is $50.00, jpy: 5000 is ¥5,000).',
  type: 'object',
  additionalProperties: { type: 'number' },
});

export const MANAGED_SCHEMA = {
  type: 'object',
  properties: {
    helpdeskSites: {
      title: 'Helpdesk sites',
      description: 'https origins, e.g. https://support.acme.com or https://*.acme.com',
      type: 'array',
      items: { type: 'string' },
    },
    replaceBuiltInHelpdesks: {
      title: 'Run only on helpdeskSites (not on the built-in helpdesks)',
      type: 'boolean',
    },
    creditLimits: limits('Largest credit per action'),
    dailyCreditLimits: limits('Most credited per account in 24 hours'),
    lockLimits: {
      title: 'Agents may lower limits but not raise them (nor set one above the default)',
      type: 'boolean',
    },
    portalReturnUrl: { title: 'Billing portal return URL (https)', type: 'string' },
    portalConfigurationId: { title: 'Billing portal configuration ID (bpc_…)', type: 'string' },
    liveKeysAllowed: { title: 'Live-mode keys allowed', type: 'boolean' },
    passphraseLockRequired: { title: 'Passphrase lock required', type: 'boolean' },
    autoLockMinutes: { title: 'Passphrase lock locks after (minutes unused)', type: 'number' },
    activityLogRetentionDays: { title: 'Activity log kept for (days)', type: 'number' },
    agentName: {
      title:
        "The agent's name, recorded with each change (in Stripe's metadata and the activity log)",
      type: 'string',
    },
    markEmailAddresses: {
      title: 'Mark email addresses on helpdesk pages (to find the requester in Stripe)',
      type: 'boolean',
    },
  },
} as const;
