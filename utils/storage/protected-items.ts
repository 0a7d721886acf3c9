import { openDB, type IDBPDatabase } from 'idb';
import { browser } from 'wxt/browser';

/**
 * Storage that content scripts cannot reach. `storage.local` is readable and writable by
 * every content script of the extension (Firefox offers no way to restrict it: bug 1724754),
 * so a compromised helpdesk renderer could read keys or swap settings there. IndexedDB
 * belongs to an origin: a content script's is the page's, and only the extension's own
 * documents and background can open this one.
 */
const DATABASE = 'protected-storage';
const STORE = 'items';
/** Set once what earlier versions kept in `storage.local` has been moved here. */
const MOVED_MARKER = '__movedFromLocalStorage';

interface Stored {
  key: string;
  version: number;
  value: unknown;
}

export interface ProtectedItem<T> {
  readonly key: string;
  readonly version: number;
  getValue(): Promise<T>;
  setValue(value: T): Promise<void>;
}

/** A write to make together with others, in one transaction. */
export interface ProtectedWrite {
  item: Pick<ProtectedItem<unknown>, 'key' | 'version'>;
  value: unknown;
}

/** What earlier versions kept in `storage.local`. */
const FORMER_LOCAL_KEYS = ['accounts', 'vault', 'settings'] as const;

let database: Promise<IDBPDatabase> | undefined;
const db = () =>
  (database ??= openDB(DATABASE, 1, {
    upgrade(upgrading) {
      upgrading.createObjectStore(STORE, { keyPath: 'key' });
    },
  }).then(async (opened) => {
    await moveFromLocalStorage(opened);
    return opened;
  }));

/**
 * Copies what earlier versions kept in `storage.local` (with its version, WXT's `key$`
 * meta, so its own migrations still run), then removes it there. Once, ever: after that
 * anything found there was written by something else and is only removed, never read, or
 * a content script could plant a key or a setting for the background to adopt. A worker
 * stopped midway moves again next time and loses nothing.
 */
async function moveFromLocalStorage(opened: IDBPDatabase) {
  const keys = FORMER_LOCAL_KEYS.flatMap((key) => [key, `${key}$`]);
  if (!(await opened.get(STORE, MOVED_MARKER))) {
    const found = await browser.storage.local.get(keys);
    const tx = opened.transaction(STORE, 'readwrite');
    for (const key of FORMER_LOCAL_KEYS)
      if (found[key] !== undefined && !(await tx.store.get(key))) {
        const version = (found[`${key}$`] as { v?: number } | undefined)?.v ?? 1;
        await tx.store.put({ key, version, value: found[key] } satisfies Stored);
      }
    await tx.store.put({ key: MOVED_MARKER, version: 1, value: true } satisfies Stored);
    await tx.done;
  }
  await browser.storage.local.remove(keys);
}

/**
 * An item in protected storage. `migrations[n]` turns a value stored at version n − 1 into
 * version n; a value is migrated as it is read, and written back.
 */
export function defineProtectedItem<T>(
  key: string,
  options: {
    fallback: T;
    version?: number;
    migrations?: Record<number, (value: unknown) => unknown>;
  },
): ProtectedItem<T> {
  const version = options.version ?? 1;
  return {
    key,
    version,
    async getValue() {
      const opened = await db();
      const stored = (await opened.get(STORE, key)) as Stored | undefined;
      if (!stored) return options.fallback;
      if (stored.version >= version) return stored.value as T;
      let value = stored.value;
      for (let next = stored.version + 1; next <= version; next++)
        value = options.migrations?.[next]?.(value) ?? value;
      await opened.put(STORE, { key, version, value } satisfies Stored);
      return value as T;
    },
    async setValue(value) {
      await (await db()).put(STORE, { key, version, value } satisfies Stored);
    },
  };
}

/** Several items written in one transaction: all of them, or none. */
export async function setProtectedItems(writes: ProtectedWrite[]): Promise<void> {
  const tx = (await db()).transaction(STORE, 'readwrite');
  try {
    for (const { item, value } of writes)
      await tx.store.put({ key: item.key, version: item.version, value } satisfies Stored);
  } catch (error) {
    // A transaction commits what it was given once nothing more is asked of it: a write
    // that failed midway must undo the ones before it.
    tx.abort();
    await tx.done.catch(() => undefined);
    throw error;
  }
  await tx.done;
}

/** Everything at rest, as stored: for tests that check what a disk would hold. */
export async function readAllProtectedItems(): Promise<unknown[]> {
  return (await db()).getAll(STORE);
}

/** Closes the database, so that tests can start each case from an empty one. */
export async function closeProtectedStorage(): Promise<void> {
  const opened = await database?.catch(() => undefined);
  opened?.close();
  database = undefined;
}
