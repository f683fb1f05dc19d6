import { defineFeature } from '../server-feature.ts';
import type { BriefService } from './brief-service.ts';

/** The daily brief: each person's day, and the key items a department head marks. */
export function briefFeature(brief: BriefService) {
  return defineFeature({
    name: 'brief',
    methods: {
      'brief.today': (ctx) => brief.today(ctx.userId),
      'brief.addItem': (ctx, p) => brief.addItem(ctx.userId, p.text),
      'brief.removeItem': (ctx, p) => brief.removeItem(ctx.userId, p.itemId),
    },
  });
}
