import { storage } from 'wxt/utils/storage';
import type { BoundPreview, PreviewBook } from '../kit/preview-binding';
import { createSerialQueue } from '../serial-queue';
import { GRANT_LIFETIME_MS, type CardGrant } from './card-grants';

interface Binding extends BoundPreview {
  token: string;
  objectId: string;
  attemptId: string;
  boundAt: number;
}

const MAX_BINDINGS = 64;

// storage.session: a review survives a service worker restart between Review and Confirm,
// and is gone with the browser; content scripts cannot read it.
const bindingsItem = storage.defineItem<Binding[]>('session:boundPreviews', { fallback: [] });
const oneAtATime = createSerialQueue();

/**
 * A card's reviews, kept for its grant and its object: a card that moved to another object,
 * or another card, never finds them. They last as long as a grant can.
 */
export function previewBookFor(grant: CardGrant): PreviewBook {
  const isThis = (binding: Binding, attemptId: string) =>
    binding.token === grant.token &&
    binding.objectId === grant.objectId &&
    binding.attemptId === attemptId;
  return {
    bind: (attemptId, preview) =>
      oneAtATime(async () => {
        const now = Date.now();
        const kept = (await bindingsItem.getValue()).filter(
          (binding) => now - binding.boundAt < GRANT_LIFETIME_MS && !isThis(binding, attemptId),
        );
        await bindingsItem.setValue([
          ...kept.slice(-(MAX_BINDINGS - 1)),
          { ...preview, token: grant.token, objectId: grant.objectId, attemptId, boundAt: now },
        ]);
      }),
    async find(attemptId) {
      const found = (await bindingsItem.getValue()).find((binding) => isThis(binding, attemptId));
      if (!found || Date.now() - found.boundAt >= GRANT_LIFETIME_MS) return null;
      const { request, money, sentence } = found;
      return { request, ...(money ? { money } : {}), sentence };
    },
  };
}
