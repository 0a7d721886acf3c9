import { describe, expect, it } from 'vitest';
import { frameLifetime } from '../../utils/page/frame-lifetime';

describe('one content script per frame', () => {
  it('stops the copy already running when the script runs again in the same world', () => {
    const world = {};
    const first = frameLifetime(world);
    expect(first.aborted).toBe(false);
    const second = frameLifetime(world);
    expect(first.aborted).toBe(true);
    expect(second.aborted).toBe(false);
    frameLifetime(world);
    expect(second.aborted).toBe(true);
  });

  it('leaves copies in other worlds running', () => {
    const ours = frameLifetime({});
    frameLifetime({});
    expect(ours.aborted).toBe(false);
  });
});
