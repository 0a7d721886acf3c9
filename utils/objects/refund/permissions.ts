import { listProbe, type PermissionProbe } from '../../stripe/key-permissions';

export const REFUND_PERMISSIONS: readonly PermissionProbe[] = [
  listProbe("showing a payment's refunds and refund cards", '/v1/refunds', 'Refunds', false),
];
