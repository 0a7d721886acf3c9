import { describe, expect, it } from 'vitest';
import { seedSessions } from '../emulator/seed-data';

describe("the demo's data", () => {
  it('has no session made in the future, and each expires after it was made', () => {
    const now = Date.UTC(2026, 11, 8, 12, 0, 0);
    for (const session of seedSessions(now)) {
      expect(session.created * 1000, session.id).toBeLessThanOrEqual(now);
      expect(session.expires_at, session.id).toBeGreaterThan(session.created);
    }
  });
});
