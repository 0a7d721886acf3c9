import { existsSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { OBJECT_PANELS } from '../../components/card/object-panels';
import type { CardKind } from '../../utils/card-subject';
import { JOURNAL_ACTIONS, KIND_FACTS } from '../../utils/objects/kind-facts';
import { CARD_KINDS, OBJECT_REGISTRY } from '../../utils/objects/registry';
import { EMULATED_OBJECTS } from '../emulator/objects';
import { DEMO_ID_BY_KIND } from '../emulator/seed-data';

const root = new URL('../../', import.meta.url);
const foldersIn = (path: string) =>
  readdirSync(new URL(path, root), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
/** A kind's folder is its name in kebab case: `checkout_session` lives in `checkout-session/`. */
const kindOf = (folder: string) => folder.replaceAll('-', '_') as CardKind;
const folderOf = (kind: string) => kind.replaceAll('_', '-');

// Everything each kind's folders export, to find where a registry's entry really comes from.
const modules = {
  definitions: import.meta.glob('../../utils/objects/*/definition.ts', { eager: true }),
  facts: import.meta.glob('../../utils/objects/*/facts.ts', { eager: true }),
  panels: import.meta.glob('../../components/objects/*/*.tsx', { eager: true }),
  emulated: import.meta.glob('../emulator/objects/*.ts', { eager: true }),
};
const exportsOf = (found: Record<string, unknown>, prefix: string) =>
  Object.entries(found)
    .filter(([path]) => path.startsWith(prefix))
    .flatMap(([, module]) => Object.values(module as Record<string, unknown>));

// Like Refined GitHub's features test, starting from the folders: a kind's folder that no
// registry lists fails here, as does a registry entry with no folder of its own.
describe('each kind is one folder behind the kit, mirrored everywhere', () => {
  const kindFolders = foldersIn('utils/objects/');

  it('has a folder under utils/objects/ for every kind the registry knows, and no other', () => {
    expect(kindFolders.map(kindOf).sort()).toEqual([...CARD_KINDS].sort());
  });

  describe.each(kindFolders)('utils/objects/%s/', (folder) => {
    const kind = kindOf(folder);

    it('defines the registry entry and the facts of its kind', () => {
      expect(exportsOf(modules.definitions, `../../utils/objects/${folder}/`)).toContain(
        OBJECT_REGISTRY[kind],
      );
      expect(exportsOf(modules.facts, `../../utils/objects/${folder}/`)).toContain(
        KIND_FACTS[kind],
      );
    });

    it('has its panel in components/objects/ under the same name', () => {
      expect(existsSync(new URL(`components/objects/${folder}/`, root))).toBe(true);
      expect(exportsOf(modules.panels, `../../components/objects/${folder}/`)).toContain(
        OBJECT_PANELS[kind],
      );
    });

    it('has its emulator file, listed in the emulator', () => {
      const emulated = exportsOf(modules.emulated, `../emulator/objects/${folder}.ts`);
      expect(emulated.length).toBeGreaterThan(0);
      expect(
        emulated.some((object) => (EMULATED_OBJECTS as readonly unknown[]).includes(object)),
      ).toBe(true);
    });

    it('has a demo fixture', () => {
      expect(DEMO_ID_BY_KIND[kind]).toMatch(/\S/);
    });

    it('says of each of its actions whether it moves money', () => {
      for (const [action, facts] of Object.entries(KIND_FACTS[kind].journalActions)) {
        expect(typeof (facts as { movesMoney?: unknown }).movesMoney, action).toBe('boolean');
        expect(JOURNAL_ACTIONS[action as keyof typeof JOURNAL_ACTIONS]).toBe(facts);
      }
    });
  });

  it('has no panel or emulator folder for a kind that does not exist', () => {
    expect(foldersIn('components/objects/')).toEqual(kindFolders);
    const emulatorFiles = readdirSync(new URL('tests/emulator/objects/', root))
      .filter((name) => name !== 'index.ts')
      .map((name) => name.replace(/\.ts$/, ''))
      .sort();
    expect(emulatorFiles).toEqual(kindFolders);
    expect(Object.keys(DEMO_ID_BY_KIND).map(folderOf).sort()).toEqual(kindFolders);
  });
});
