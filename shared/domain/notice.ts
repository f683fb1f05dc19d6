import { z } from 'zod';
import { EntityId, Instant } from './ids.ts';

export const NoticePriority = z.enum(['normal', 'important', 'urgent']);
export type NoticePriority = z.infer<typeof NoticePriority>;

export const NoticeSummary = z.object({
  id: EntityId,
  title: z.string().min(1).max(200),
  body: z.string().max(20_000),
  priority: NoticePriority,
  requiresAck: z.boolean(),
  publishedAt: Instant,
  publisherName: z.string().max(128),
  readAt: Instant.nullable(),
});
export type NoticeSummary = z.infer<typeof NoticeSummary>;
