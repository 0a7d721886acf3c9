import { browser } from 'wxt/browser';
import { defineProtectedItem } from '../storage/protected-items';
import { readManagedPolicy, type ManagedPolicy, type ReadPolicy } from './managed-policy';

/**
 * The last policy values that read, kept where content scripts cannot reach (they can write
 * neither this nor managed storage), so that a value an administrator breaks later does not
 * fall back to something looser.
 */
const lastValidItem = defineProtectedItem<ManagedPolicy>('managedPolicy', { fallback: {} });

/** Firefox's answer when no policy exists for the extension: the same as an empty one. */
const NO_POLICY_IN_FIREFOX = /managed storage manifest not found/i;

/**
 * The organisation's policy in force now. Read on each use (the browser keeps it in memory),
 * so a policy pushed while the browser runs applies at once.
 */
export async function currentPolicy(): Promise<ReadPolicy> {
  const lastValid = await lastValidItem.getValue();
  let raw: unknown;
  try {
    raw = await browser.storage.managed.get();
  } catch (error) {
    if (!NO_POLICY_IN_FIREFOX.test(String((error as Error)?.message ?? error))) {
      // The browser could not say: what was last in force stays, never nothing.
      return {
        policy: lastValid,
        warnings: [
          "The organisation's policy could not be read just now; its last values stay in force.",
        ],
      };
    }
    raw = {};
  }
  const read = readManagedPolicy(raw, lastValid);
  if (JSON.stringify(read.valid) !== JSON.stringify(lastValid))
    await lastValidItem.setValue(read.valid);
  return { policy: read.policy, warnings: read.warnings };
}
