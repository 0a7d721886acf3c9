import { createSerialQueue } from '../serial-queue';

/**
 * Accounts and the passphrase lock are read, changed and written back. Two changes at once
 * (a key saved while the lock is turned on) would each write what it read, and one would
 * be lost, or a key stored unsealed: every such change runs one after another.
 */
export const oneCredentialWriteAtATime = createSerialQueue();
