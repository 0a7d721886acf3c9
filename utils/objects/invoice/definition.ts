import { defineObject } from '../object-definition';
import { lookUpInvoice } from './look-up';

/**
 * The background's invoice: read-only for now. Credit notes (issue #18) will add their
 * requests, journal actions and permissions here.
 */
export const invoiceDefinition = defineObject({
  lookUp: lookUpInvoice,
  requests: {},
  // Invoice read is probed, as optional, with the customer's permissions.
  permissions: [],
  reconcile: {},
});
