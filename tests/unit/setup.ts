import 'fake-indexeddb/auto';
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { closeProtectedStorage } from '../../utils/storage/protected-items';

beforeEach(async () => {
  fakeBrowser.reset();
  // Each case starts with no accounts, lock or settings, as fakeBrowser's storage does.
  await closeProtectedStorage();
  await new Promise<void>((resolve, reject) => {
    const request = indexedDB.deleteDatabase('protected-storage');
    request.addEventListener('success', () => resolve());
    request.addEventListener('error', () => reject(request.error));
  });
});
