import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { OBJECT_PANELS } from '../../components/card/object-panels';
import { buildRequestTable } from '../../utils/background/request-table';
import { JOURNAL_ACTIONS, KIND_FACTS } from '../../utils/objects/kind-facts';
import { CARD_KINDS, OBJECT_REGISTRY } from '../../utils/objects/registry';
import type { UsableAccount } from '../../utils/storage/account-store';
import { parseCardSubject } from '../../utils/card-subject';
import { STRIPE_ID_KINDS } from '../../utils/stripe-id-grammar';
import { EMULATED_OBJECTS } from '../emulator/objects';
import { DEMO_ID_BY_KIND } from '../emulator/seed-data';
import { expectOk, useEmulator } from './emulator-harness';

const harness = useEmulator();
const demoTicket = readFileSync(new URL('../fixtures/ticket.html', import.meta.url), 'utf8');

// Like Refined GitHub's features test: every kind of card is complete everywhere.
describe('every kind of card', () => {
  it('is a Stripe ID in the grammar, or an email address, and in the registry', () => {
    expect(new Set([...STRIPE_ID_KINDS.map((row) => row.kind), 'customer_email'])).toEqual(
      new Set(CARD_KINDS),
    );
  });

  describe.each(CARD_KINDS)('%s', (kind) => {
    it('has its facts, background entry and panel', () => {
      const facts = KIND_FACTS[kind];
      expect(facts.title).toMatch(/\S/);
      expect(facts.dashboardUrl('x_1', 'test')).toMatch(
        /^https:\/\/dashboard\.stripe\.com\/test\//,
      );
      expect(facts.dashboardUrl('x_1', 'live')).not.toContain('/test/');
      const definition = OBJECT_REGISTRY[kind];
      expect(typeof definition.lookUp).toBe('function');
      // A kind that acts on Stripe says what a restricted key needs for it.
      if (Object.keys(KIND_FACTS[kind].journalActions).length > 0)
        expect(definition.permissions.length).toBeGreaterThan(0);
      expect(typeof OBJECT_PANELS[kind]).toBe('function');
    });

    it('names the journal actions its requests record, with their labels', () => {
      const actions = Object.entries(KIND_FACTS[kind].journalActions);
      // Each action it journals has labels, and a way to tell whether a lost attempt acted.
      expect(Object.keys(OBJECT_REGISTRY[kind].reconcile).sort()).toEqual(
        actions.map(([action]) => action).sort(),
      );
      for (const [action, labels] of actions) {
        expect(JOURNAL_ACTIONS[action as keyof typeof JOURNAL_ACTIONS]).toBe(labels);
        expect(labels.name).toMatch(/\S/);
        expect(labels.short).toMatch(/\S/);
      }
    });

    it('has a demo fixture on the sample ticket, and the emulator answers its look-up', async () => {
      const id = DEMO_ID_BY_KIND[kind];
      expect(parseCardSubject(id)?.kind).toBe(kind);
      expect(demoTicket).toContain(id);
      const account: UsableAccount = {
        id: 'acct-test',
        label: 'Test',
        mode: 'test',
        apiKey: harness.emulator.keys.testSecret,
      };
      const found = await OBJECT_REGISTRY[kind].lookUp({
        account,
        clientFor: () => harness.client(),
        objectId: id,
      });
      expect(found).toMatchObject({ ok: true, value: { view: { mode: 'test' } } });
      const value = expectOk(found);
      // Asserted above: a view, not an answer to narrow the card to one customer.
      if (!('view' in value)) return expect.unreachable(`narrowed to ${value.narrowTo}`);
      expect('id' in value.view ? value.view.id : value.view.email).toBe(id);
    });
  });

  it('owns its request types alone: no type is defined twice', () => {
    const table = buildRequestTable();
    const owned = [...table].filter(([, entry]) => entry.scope === 'card' && entry.kind !== null);
    const listed = CARD_KINDS.flatMap((kind) => Object.keys(OBJECT_REGISTRY[kind].requests));
    expect(owned.map(([type]) => type).sort()).toEqual(listed.sort());
  });

  // Listed from the folders, so that an emulator file left out of the index fails too.
  it('has one emulator file, named after its folder and listed in the emulator', async () => {
    const folders = readdirSync(new URL('../../utils/objects/', import.meta.url), {
      withFileTypes: true,
    })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
    const files = readdirSync(new URL('../emulator/objects/', import.meta.url))
      .filter((file) => file !== 'index.ts')
      .map((file) => file.replace(/\.ts$/, ''));
    expect(files.sort()).toEqual(folders.sort());
    const listed = new Set<unknown>(EMULATED_OBJECTS);
    for (const file of files) {
      const exported = Object.values(await import(`../emulator/objects/${file}.ts`));
      expect(exported.filter((value) => listed.has(value))).toHaveLength(1);
    }
  });
});
