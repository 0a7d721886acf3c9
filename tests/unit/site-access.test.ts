import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { isDeclaredSite } from '../../utils/helpdesk-sites';
import {
  disableSite,
  enableSite,
  siteAccessGranted,
  siteAccessRemoved,
  startOnTab,
} from '../../utils/site-access';
import { siteOriginOf } from '../../utils/site-origin';
import { extractStripeId } from '../../utils/stripe-id-grammar';

/** A stand-in for chrome.scripting and chrome.permissions, which the fake browser lacks. */
function fakeScripting(granted: boolean) {
  const registered: Array<{ id: string; matches: string[] }> = [];
  const api = {
    getRegisteredContentScripts: vi.fn(async () => registered.map((s) => ({ ...s }))),
    registerContentScripts: vi.fn(async (scripts: Array<{ id: string; matches: string[] }>) => {
      registered.push(...scripts);
    }),
    unregisterContentScripts: vi.fn(async ({ ids }: { ids: string[] }) => {
      for (const id of ids)
        registered.splice(
          registered.findIndex((s) => s.id === id),
          1,
        );
    }),
    executeScript: vi.fn(async () => []),
    insertCSS: vi.fn(async () => undefined),
  };
  Object.assign(fakeBrowser, { scripting: api });
  vi.spyOn(fakeBrowser.permissions, 'contains').mockImplementation(async () => granted);
  const remove = vi.spyOn(fakeBrowser.permissions, 'remove').mockImplementation(async () => true);
  return { api, registered, remove };
}

describe('sites the agent enables', () => {
  it.each([
    ['https://support.acme.example/tickets/1?x#y', 'https://support.acme.example'],
    ['https://helpdesk.example:8443/a', 'https://helpdesk.example:8443'],
    ['http://insecure.example/', null],
    ['chrome://extensions', null],
    ['not a url', null],
  ])('reads the origin of %s', (url, origin) => {
    expect(siteOriginOf(url)).toBe(origin);
  });

  it.each([
    ['https://acme.zendesk.com', true],
    ['https://zendesk.com.evil.example', false],
    ['https://app.intercom.com', true],
    ['https://evil-app.intercom.com', false],
    ['https://mail.google.com', true],
    ['https://support.acme.example', false],
  ])('knows whether %s is a declared helpdesk: %s', (origin, declared) => {
    expect(isDeclaredSite(origin)).toBe(declared);
  });

  /** The site's open tabs, as `tabs.query({ url })` finds them. */
  const openTabs = (...ids: number[]) =>
    vi
      .spyOn(fakeBrowser.tabs, 'query')
      .mockImplementation((async () =>
        ids.map((id) => ({ id }))) as unknown as typeof fakeBrowser.tabs.query);

  it("registers the content script and the marks' stylesheet for a granted origin, and runs both in its open tabs at once", async () => {
    const { api, registered } = fakeScripting(true);
    const query = openTabs(12, 15);
    const result = await enableSite('https://support.acme.example');
    expect(result).toEqual({ ok: true, sites: ['https://support.acme.example'] });
    expect(registered[0]).toMatchObject({
      id: 'site:https://support.acme.example',
      matches: ['https://support.acme.example/*'],
      js: ['/helpdesk.js'],
      css: ['/content-scripts/marks.css'],
      allFrames: true,
      persistAcrossSessions: true,
    });
    expect(query).toHaveBeenCalledWith({ url: 'https://support.acme.example/*' });
    for (const tabId of [12, 15]) {
      expect(api.insertCSS).toHaveBeenCalledWith({
        target: { tabId, allFrames: true },
        files: ['/content-scripts/marks.css'],
      });
      expect(api.executeScript).toHaveBeenCalledWith({
        target: { tabId, allFrames: true },
        files: ['/helpdesk.js'],
      });
    }
    // Enabling again registers nothing and runs nothing twice.
    await enableSite('https://support.acme.example');
    expect(api.registerContentScripts).toHaveBeenCalledTimes(1);
    expect(api.executeScript).toHaveBeenCalledTimes(2);
  });

  it('enables a site on the grant alone, as when Chrome closed the popup that asked for it', async () => {
    const { api, registered } = fakeScripting(true);
    openTabs(3);
    await siteAccessGranted({ origins: ['https://support.acme.example/*'] });
    expect(registered.map((s) => s.id)).toEqual(['site:https://support.acme.example']);
    expect(api.executeScript).toHaveBeenCalledWith({
      target: { tabId: 3, allFrames: true },
      files: ['/helpdesk.js'],
    });
  });

  it('registers once when the grant and the popup ask for the same site together', async () => {
    const { api, registered } = fakeScripting(true);
    openTabs(3);
    const [fromPopup] = await Promise.all([
      enableSite('https://support.acme.example'),
      siteAccessGranted({ origins: ['https://support.acme.example/*'] }),
      enableSite('https://support.acme.example'),
    ]);
    expect(fromPopup).toEqual({ ok: true, sites: ['https://support.acme.example'] });
    expect(api.registerContentScripts).toHaveBeenCalledTimes(1);
    expect(registered).toHaveLength(1);
    expect(api.executeScript).toHaveBeenCalledTimes(1);
  });

  it.each([
    ['every https site', 'https://*/*'],
    ['a wildcard of hosts', 'https://*.example.com/*'],
    ['a declared helpdesk', 'https://acme.zendesk.com/*'],
    ['a plain-http site', 'http://support.acme.example/*'],
    ['part of a site', 'https://support.acme.example/tickets/*'],
  ])('enables nothing on a grant of %s', async (_what, pattern) => {
    const { api } = fakeScripting(true);
    await siteAccessGranted({ origins: [pattern] });
    expect(api.registerContentScripts).not.toHaveBeenCalled();
  });

  it('drops the script of a site whose access was taken back in the browser', async () => {
    const { api, registered } = fakeScripting(true);
    openTabs();
    await enableSite('https://support.acme.example');
    await enableSite('https://help.other.example');
    await siteAccessRemoved({ origins: ['https://support.acme.example/*', 'https://*/*'] });
    expect(api.unregisterContentScripts).toHaveBeenCalledWith({
      ids: ['site:https://support.acme.example'],
    });
    expect(registered.map((s) => s.id)).toEqual(['site:https://help.other.example']);
    // Nothing to drop: no call.
    await siteAccessRemoved({ origins: ['https://never.enabled.example/*'] });
    expect(api.unregisterContentScripts).toHaveBeenCalledTimes(1);
  });

  it('changes nothing when the agent did not grant access, or for a declared helpdesk', async () => {
    const { api } = fakeScripting(false);
    expect(await enableSite('https://support.acme.example')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('not granted'),
    });
    expect(await enableSite('https://acme.zendesk.com')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('supported already'),
    });
    expect(api.registerContentScripts).not.toHaveBeenCalled();
  });

  it('disables a site: script unregistered, its open tabs told to stop, access given back', async () => {
    const { remove } = fakeScripting(true);
    await enableSite('https://support.acme.example');
    const query = vi
      .spyOn(fakeBrowser.tabs, 'query')
      .mockImplementation((async () => [
        { id: 4 },
        { id: 9 },
      ]) as unknown as typeof fakeBrowser.tabs.query);
    const sendMessage = vi
      .spyOn(fakeBrowser.tabs, 'sendMessage')
      .mockImplementation(async () => undefined);
    expect(await disableSite('https://support.acme.example')).toEqual({ ok: true, sites: [] });
    expect(query).toHaveBeenCalledWith({ url: 'https://support.acme.example/*' });
    // Every frame of each tab: no frameId.
    expect(sendMessage.mock.calls).toEqual([
      [4, { type: 'content.stop' }],
      [9, { type: 'content.stop' }],
    ]);
    // Told while access to the tabs remains, then access is given back.
    expect(sendMessage.mock.invocationCallOrder[1]!).toBeLessThan(
      remove.mock.invocationCallOrder[0]!,
    );
    expect(remove).toHaveBeenCalledWith({ origins: ['https://support.acme.example/*'] });
  });
});

describe('starting the content script in a tab opened before an install or update', () => {
  const tabAt = (url: string | undefined) =>
    vi
      .spyOn(fakeBrowser.tabs, 'get')
      .mockImplementation((async () => ({ id: 7, url })) as unknown as typeof fakeBrowser.tabs.get);

  it('runs the marks stylesheet and the script in every frame of a declared helpdesk tab', async () => {
    const { api } = fakeScripting(false);
    tabAt('https://acme.zendesk.com/agent/tickets/1');
    expect(await startOnTab(7)).toBe(true);
    const target = { tabId: 7, allFrames: true };
    expect(api.insertCSS).toHaveBeenCalledWith({ target, files: ['/content-scripts/marks.css'] });
    expect(api.executeScript).toHaveBeenCalledWith({ target, files: ['/helpdesk.js'] });
  });

  it('runs it on a site the agent enabled', async () => {
    const { api } = fakeScripting(true);
    await enableSite('https://support.acme.example');
    tabAt('https://support.acme.example/tickets/9');
    expect(await startOnTab(7)).toBe(true);
    expect(api.executeScript).toHaveBeenLastCalledWith({
      target: { tabId: 7, allFrames: true },
      files: ['/helpdesk.js'],
    });
  });

  it.each([
    ['a site the agent has not enabled', 'https://news.example/story'],
    ['a page on plain http', 'http://acme.zendesk.com/'],
    ['a tab whose address it was not given (no activeTab)', undefined],
  ])('runs nothing on %s', async (_what, url) => {
    const { api } = fakeScripting(true);
    tabAt(url);
    expect(await startOnTab(7)).toBe(false);
    expect(api.executeScript).not.toHaveBeenCalled();
    expect(api.insertCSS).not.toHaveBeenCalled();
  });

  it('reports false when the browser refuses (the tab closed, or no access to it)', async () => {
    const { api } = fakeScripting(false);
    api.insertCSS.mockRejectedValueOnce(new Error('Cannot access contents of the page.'));
    tabAt('https://acme.zendesk.com/agent/tickets/1');
    expect(await startOnTab(7)).toBe(false);
    vi.spyOn(fakeBrowser.tabs, 'get').mockRejectedValueOnce(new Error('No tab with id: 7.'));
    expect(await startOnTab(7)).toBe(false);
  });
});

describe('extractStripeId from pasted text', () => {
  it.each([
    ['  cus_PzJennyRosen01  ', 'cus_PzJennyRosen01'],
    ['https://dashboard.stripe.com/test/customers/cus_PzJennyRosen01', 'cus_PzJennyRosen01'],
    ['https://checkout.stripe.com/c/pay/cs_test_a1B2c3D4#fid', 'cs_test_a1B2c3D4'],
    ['https://dashboard.stripe.com/search?query=nothing', null],
    ['pi_123', null],
  ])('%j → %s', (pasted, id) => {
    expect(extractStripeId(pasted)?.id ?? null).toBe(id);
  });
});
