import { z } from 'zod';
import { ClientActionId, EntityId, Instant } from '../domain/ids.ts';
import { WireError } from './errors.ts';
import { UserEvent } from './events.ts';
import { Signal } from './signals.ts';

export const PROTOCOL_VERSION = 1;
/** Largest frame either side accepts; the server closes with 1009 above it. */
export const MAX_FRAME_BYTES = 64 * 1024;

const Seq = z.number().int().nonnegative();
const CorrelationId = z.string().min(1).max(64);
const Epoch = z.string().min(1).max(64);

// ---- client → server -------------------------------------------------------------------------

/** Ask for everything after `since` in this epoch; the server replays in pages or answers `resync`. */
export const ResumeFrame = z.object({
  type: z.literal('resume'),
  since: Seq,
  epoch: Epoch.nullable(),
  /** Actions the client holds queued offline (it sends them once caught up): the server's /metrics shows them. */
  outbox: z.number().int().min(0).max(1_000_000).optional(),
});
export const RequestFrame = z.object({
  type: z.literal('request'),
  id: CorrelationId,
  method: z.string().min(1).max(64),
  actionId: ClientActionId.optional(),
  params: z.unknown(),
  /** The client's clock when it sent the frame: the server corrects outbox times by the difference. */
  sentAt: Instant.optional(),
});
/** The client has durably applied everything up to `seq` (delivery receipts). */
export const AckFrame = z.object({ type: z.literal('ack'), seq: Seq });
/** A fresh access token for this socket, sent before the old one expires. */
export const ReauthFrame = z.object({
  type: z.literal('reauth'),
  accessToken: z.string().min(1).max(4096),
});

export const ClientFrame = z.discriminatedUnion('type', [ResumeFrame, RequestFrame, AckFrame, ReauthFrame]);
export type ClientFrame = z.infer<typeof ClientFrame>;
export type ResumeFrame = z.infer<typeof ResumeFrame>;
export type RequestFrame = z.infer<typeof RequestFrame>;

// ---- server → client -------------------------------------------------------------------------

export const WelcomeFrame = z.object({
  type: z.literal('welcome'),
  protocol: z.number().int(),
  serverVersion: z.string().max(64),
  userId: EntityId,
  epoch: Epoch,
  serverTime: Instant,
  accessExpiresAt: Instant,
});
export const EventFrame = z.object({
  type: z.literal('event'),
  seq: Seq,
  at: Instant,
  event: UserEvent,
});
export const ResumedFrame = z.object({
  type: z.literal('resumed'),
  headSeq: Seq,
  replayed: z.number().int(),
});
export const ResyncFrame = z.object({
  type: z.literal('resync'),
  epoch: Epoch,
  headSeq: Seq,
  reason: z.enum(['retention', 'epoch', 'ahead']),
});
export const ResponseFrame = z.discriminatedUnion('ok', [
  z.object({
    type: z.literal('response'),
    id: CorrelationId,
    ok: z.literal(true),
    result: z.unknown(),
  }),
  z.object({
    type: z.literal('response'),
    id: CorrelationId,
    ok: z.literal(false),
    error: WireError,
  }),
]);
export const ErrorFrame = z.object({
  type: z.literal('error'),
  error: WireError,
});
/** A moment's state (typing, presence): not logged, not acknowledged, never replayed. */
export const SignalFrame = z.object({ type: z.literal('signal'), signal: Signal });
export const ReauthedFrame = z.object({
  type: z.literal('reauthed'),
  accessExpiresAt: Instant,
});

export const ServerFrame = z.union([
  WelcomeFrame,
  EventFrame,
  ResumedFrame,
  ResyncFrame,
  ResponseFrame,
  ErrorFrame,
  ReauthedFrame,
  SignalFrame,
]);
export type ServerFrame = z.infer<typeof ServerFrame>;
export type WelcomeFrame = z.infer<typeof WelcomeFrame>;
export type EventFrame = z.infer<typeof EventFrame>;
export type ResyncFrame = z.infer<typeof ResyncFrame>;
export type ResponseFrame = z.infer<typeof ResponseFrame>;
