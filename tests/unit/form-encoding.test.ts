import { describe, expect, it } from 'vitest';
import { encodeStripeForm } from '../../utils/stripe/form-encoding';
import { decodeStripeForm } from '../emulator/form-decoding';

describe('encodeStripeForm', () => {
  it.each([
    [{ amount: -1050, currency: 'usd' }, 'amount=-1050&currency=usd'],
    [
      { metadata: { source: 'helpdesk', ticket: 'a b&c' } },
      'metadata%5Bsource%5D=helpdesk&metadata%5Bticket%5D=a%20b%26c',
    ],
    [{ flow_data: { type: 'payment_method_update' } }, 'flow_data%5Btype%5D=payment_method_update'],
    [{ expand: ['customer', 'line_items'] }, 'expand%5B0%5D=customer&expand%5B1%5D=line_items'],
    [
      { items: [{ price: 'p_1', quantity: 2 }] },
      'items%5B0%5D%5Bprice%5D=p_1&items%5B0%5D%5Bquantity%5D=2',
    ],
    [{ description: undefined, unset: null }, 'unset='],
    [{ flag: true }, 'flag=true'],
  ])('encodes %j', (params, expected) => {
    expect(encodeStripeForm(params)).toBe(expected);
  });

  it('round-trips through the emulator decoder', () => {
    const params = {
      customer: 'cus_1',
      flow_data: { type: 'subscription_cancel', after_completion: { type: 'redirect' } },
    };
    expect(decodeStripeForm(encodeStripeForm(params))).toEqual(params);
  });
});
