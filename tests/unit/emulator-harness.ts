import { afterAll, afterEach, beforeAll } from 'vitest';
import { createStripeClient, type StripeClientOptions } from '../../utils/stripe/client';
import { startStripeEmulator, type RunningEmulator } from '../emulator/stripe-emulator';

/** Starts one emulator for a test file, resets it after each test, and makes clients for it. */
export function useEmulator() {
  let running: RunningEmulator;
  beforeAll(async () => {
    running = await startStripeEmulator();
  });
  afterEach(() => running.emulator.reset());
  afterAll(() => running.close());
  const delays: number[] = [];
  return {
    get emulator() {
      return running.emulator;
    },
    get url() {
      return running.url;
    },
    delays,
    client(options: Partial<StripeClientOptions> = {}) {
      return createStripeClient({
        apiKey: running.emulator.keys.testSecret,
        baseUrl: running.url,
        // Record the backoff instead of waiting it out.
        sleep: async (ms) => void delays.push(ms),
        random: () => 0.5,
        timeoutMs: 2000,
        ...options,
      });
    },
  };
}
