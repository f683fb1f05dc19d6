import { z } from 'zod';
import { Instant } from '../domain/ids.ts';
import { UserProfile } from '../domain/user.ts';

/** The HTTP side of the protocol: login, refresh, version, and the publisher's notice endpoint. */
export const VersionInfo = z.object({
  serverVersion: z.string(),
  protocol: z.number().int(),
  minClientProtocol: z.number().int(),
});
export type VersionInfo = z.infer<typeof VersionInfo>;

export const LoginRequest = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
  deviceName: z.string().max(128).optional(),
});
export const TokenPair = z.object({
  accessToken: z.string(),
  accessExpiresAt: Instant,
  refreshToken: z.string(),
  refreshExpiresAt: Instant,
});
export type TokenPair = z.infer<typeof TokenPair>;
export const LoginResponse = TokenPair.extend({
  user: UserProfile,
  protocol: z.number().int(),
});
export type LoginResponse = z.infer<typeof LoginResponse>;
export const RefreshRequest = z.object({
  refreshToken: z.string().min(16).max(256),
});

/**
 * Why the server refused an account, with what the user needs to fix it. A wrong password and an
 * unknown name are one answer (wrong_credentials), so the answers cannot list who works here;
 * wrong_password, unknown_user and account_locked are what older servers said.
 */
export const accountRefusals = [
  z.object({
    code: z.literal('wrong_credentials'),
    username: z.string(),
    /** Wrong tries left before waits begin; 0: the next try waits `nextWaitMs`. */
    triesBeforeWait: z.number().int().nonnegative(),
    nextWaitMs: z.number().int().nonnegative(),
  }),
  z.object({ code: z.literal('login_throttled'), username: z.string(), retryAfterMs: z.number().int().nonnegative() }),
  z.object({ code: z.literal('wrong_password'), username: z.string(), attemptsLeft: z.number().int() }),
  z.object({ code: z.literal('unknown_user'), username: z.string() }),
  z.object({ code: z.literal('account_locked'), username: z.string(), until: Instant }),
  z.object({ code: z.literal('account_disabled'), username: z.string() }),
  z.object({ code: z.literal('rate_limited'), retryAfterMs: z.number().int() }),
] as const;
export const LoginFailure = z.discriminatedUnion('code', [
  ...accountRefusals,
  z.object({ code: z.literal('invalid_request'), message: z.string() }),
]);
export type LoginFailure = z.infer<typeof LoginFailure>;

/** POST /api/notices takes the same draft as the socket's notices.publish. */
export { NoticeDraft as PublishNoticeRequest, PublishOutcome as PublishNoticeResponse } from '../domain/notices/index.ts';

export const HttpError = z.object({
  error: z.object({ code: z.string(), message: z.string() }),
});
