import { anyAnswer, PROBE_ID, probeKey, type PermissionProbe } from '../../stripe/key-permissions';

export const CREDIT_NOTE_PERMISSIONS: readonly PermissionProbe[] = [
  {
    needFor: 'issuing and voiding credit notes',
    dashboard: { resource: 'Credit notes', access: 'Write' },
    required: false,
    request: () => ({
      method: 'POST',
      path: `/v1/credit_notes/cn_${PROBE_ID}/void`,
      idempotencyKey: probeKey(),
      schema: anyAnswer,
    }),
  },
];
