import { z } from 'zod';
import { WireFieldIssue } from '../domain/approvals/form.ts';

/**
 * Error codes a client can act on. The message is for logs; the UI translates the code with its params,
 * so a Chinese user never sees an English server sentence.
 */
export const ErrorCode = z.enum([
  'bad_frame',
  'unknown_method',
  'invalid_params',
  'action_id_required',
  'not_found',
  'forbidden',
  'conflict',
  'rate_limited',
  /** A domain cooldown (remind again later): final for this action, unlike rate_limited, which a client retries. */
  'too_soon',
  'not_resumed',
  'no_approver',
  'too_large',
  'unsupported_type',
  'network_not_allowed',
  'note_required',
  'token_invalid',
  /** The time to edit or delete it has passed. */
  'window_closed',
  /** An admin's rule does not allow it (a large group, an organisation-wide group, posting in a channel). */
  'policy_refused',
  'internal',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const WireError = z.object({
  code: ErrorCode,
  message: z.string().max(2000),
  retryAfterMs: z.number().int().nonnegative().optional(),
  /** Parameters for the translated message (which approval step, which limit). */
  details: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  /** Per-field problems of a form, as codes the renderer translates. */
  issues: z.array(WireFieldIssue).max(50).optional(),
});
export type WireError = z.infer<typeof WireError>;

/** WebSocket close codes Portico uses beyond the standard ones (1009 too big, 1008 policy, 1001 going away). */
export const CloseCode = {
  tokenExpired: 4001,
  sessionRevoked: 4003,
  protocolMismatch: 4010,
} as const;
