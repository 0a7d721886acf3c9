import { z } from 'zod';

/**
 * Schemas of no one Stripe object kind; each kind's own are in `utils/objects/<kind>/`.
 * Objects stay open (`loose`) because Stripe adds fields in backwards-compatible releases.
 */

/** A list endpoint with nothing read from its items: used to check a key cheaply. */
export const AnyList = z.object({ object: z.literal('list'), data: z.array(z.unknown()) }).loose();

export const StripeAccount = z
  .object({
    id: z.string(),
    object: z.literal('account'),
    business_profile: z
      .object({ name: z.string().nullable().optional() })
      .loose()
      .nullable()
      .optional(),
    settings: z
      .object({
        dashboard: z
          .object({ display_name: z.string().nullable().optional() })
          .loose()
          .nullable()
          .optional(),
      })
      .loose()
      .nullable()
      .optional(),
  })
  .loose();
