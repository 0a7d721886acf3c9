import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SEED_IDS } from '../emulator/seed-data';
import { OptionsPage, saveTestKey } from './pages/options-page';
import { TicketPage } from './pages/ticket-page';
import { clickCardButton } from './pages/card-frame';
import { chromiumOrSkipReason } from './support/chromium-path';
import {
  EXTENSION_DIR,
  launchExtensionBrowser,
  type ExtensionBrowser,
} from './support/extension-browser';
import { describe } from 'vitest';

/** Where Debian's Chromium reads machine-wide policies (root only). */
const POLICY_DIR = '/etc/chromium/policies/managed';

/** The ID Chromium gives an unpacked extension: from its folder's path, in letters a–p. */
function unpackedExtensionId(path: string): string {
  const hex = createHash('sha256').update(path).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode(97 + parseInt(digit, 16))).join('');
}

function policySkipReason(): string | null {
  const chromium = chromiumOrSkipReason();
  if ('skip' in chromium) return chromium.skip;
  try {
    mkdirSync(POLICY_DIR, { recursive: true });
    return null;
  } catch {
    if (process.env.CI) throw new Error(`CI must be able to write ${POLICY_DIR} (run as root).`);
    return `Skipping the managed-policy e2e: ${POLICY_DIR} is not writable (run as root).`;
  }
}
const skip = policySkipReason();
if (skip) console.warn(skip);

const FIRST_POLICY = {
  // Written twice: the lower figure is in force, and Options says so.
  creditLimits: { usd: 20, USD: 25 },
  // An invalid value: ignored, reported, never a looser limit.
  dailyCreditLimits: { eur: -5 },
  activityLogRetentionDays: 30,
};

/**
 * An administrator's policy, as Chrome reads it from the machine. The build is copied to a
 * folder of its own, so the policy (keyed by extension ID, which comes from the path) applies
 * to this browser alone and to no other test's.
 */
describe.skipIf(skip !== null)('an organisation policy set for the machine', () => {
  let browser: ExtensionBrowser;
  let tmp: string;
  let policyFile: string;
  let extensionId: string;
  const writePolicy = (policy: Record<string, unknown>) =>
    writeFileSync(
      policyFile,
      JSON.stringify({ '3rdparty': { extensions: { [extensionId]: policy } } }),
    );
  /** Chrome reads policy files every few minutes; chrome://policy reads them now. */
  async function reloadPolicies() {
    const page = await browser.context.newPage();
    await page.goto('chrome://policy');
    await page.getByRole('button', { name: 'Reload policies' }).click();
    await page.close();
  }

  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'sha-policy-'));
    const extensionDir = join(tmp, 'chrome-mv3');
    cpSync(EXTENSION_DIR, extensionDir, { recursive: true });
    const id = unpackedExtensionId(extensionDir);
    policyFile = join(POLICY_DIR, `stripe-helpdesk-actions-e2e-${id}.json`);
    extensionId = id;
    writePolicy(FIRST_POLICY);
    const chromium = chromiumOrSkipReason() as { path: string };
    browser = await launchExtensionBrowser({ chromiumPath: chromium.path, extensionDir });
    expect(browser.extensionId).toBe(id);
    await saveTestKey(browser);
  });

  afterAll(async () => {
    await browser?.close();
    if (policyFile) rmSync(policyFile, { force: true });
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('shows what the organisation set as locked in Options, with the ignored value explained', async () => {
    const options = await OptionsPage.open(browser.context, browser.extensionId);
    const retention = options.page.getByLabel('Keep the activity log for (days)');
    await expect.poll(() => retention.inputValue()).toBe('30');
    expect(await retention.getAttribute('readonly')).not.toBeNull();
    expect(await retention.getAttribute('aria-describedby')).toBe('retentionDays-locked');
    await options.page
      .locator('#retentionDays-locked')
      .getByText('Set by your organisation')
      .waitFor();
    const perCredit = options.page.getByRole('group', {
      name: 'Largest credit per action, by currency',
    });
    const usd = perCredit.getByRole('listitem').filter({ hasText: 'USD: $20.00 per credit' });
    await usd.getByText('Set by your organisation').waitFor();
    expect(await usd.getByRole('button').count()).toBe(0);
    // The agent cannot set it here either.
    await perCredit.getByLabel('Currency', { exact: true }).fill('usd');
    await perCredit.getByLabel('Limit per credit').fill('5000');
    await perCredit.getByRole('button', { name: 'Set limit per credit' }).click();
    await perCredit.getByRole('alert').getByText('set by your organisation').waitFor();
    const policyWarnings = options.page
      .getByRole('alert')
      .filter({ hasText: "Some of your organisation's policy could not be used" });
    await policyWarnings.getByText('dailyCreditLimits.eur').waitFor();
    await policyWarnings.getByText('creditLimits names USD more than once').waitFor();
    // The pinned per-credit limit caps the day too, and the agent cannot raise it.
    const daily = options.page.getByRole('group', {
      name: 'Most credited per account in 24 hours, by currency',
    });
    await daily
      .getByRole('listitem')
      .filter({ hasText: 'USD: $100.00 in 24 hours' })
      .getByText('Set by your organisation: at most $100.00')
      .waitFor();
    await daily.getByLabel('Currency', { exact: true }).fill('usd');
    await daily.getByLabel('Daily limit').fill('5000');
    await daily.getByRole('button', { name: 'Set daily limit' }).click();
    await daily
      .getByRole('alert')
      .getByText('The daily limit for USD can be at most $100.00')
      .waitFor();

    await options.page.close();
  });

  it('refuses a credit over the managed limit, with no request to Stripe', async () => {
    const ticket = await TicketPage.open(browser.context);
    const card = await ticket.openCard(SEED_IDS.jenny);
    await card.getByTestId('customer-balance').waitFor();
    await card.getByRole('button', { name: 'Add credit' }).click();
    await card.getByLabel('Amount').fill('25');
    await clickCardButton(card, 'Review credit');
    await card.getByText('over the limit of $20.00 per credit').waitFor();
    expect(browser.emulator.apiPosts()).toHaveLength(0);
    await ticket.page.close();
  });

  // Last: it changes the policy under an open ticket.
  it('applies a changed policy to a ticket already open: addresses unmarked, then the site taken away', async () => {
    const ticket = await TicketPage.open(browser.context);
    const before = await ticket.markedTexts();
    expect(before).toContain('Alex@example.net');
    writePolicy({ ...FIRST_POLICY, markEmailAddresses: false });
    await reloadPolicies();
    await expect
      .poll(() => ticket.markedTexts())
      .toEqual(before.filter((text) => !text.includes('@')));
    // The built-in helpdesks replaced by the organisation's own: this tab stops at once.
    writePolicy({
      ...FIRST_POLICY,
      helpdeskSites: ['https://support.acme.example'],
      replaceBuiltInHelpdesks: true,
    });
    await reloadPolicies();
    await ticket.waitForMarksGone();
    expect(await ticket.clickOpensNoCard(SEED_IDS.jenny)).toBe(true);
    await ticket.page.close();
  });
});
