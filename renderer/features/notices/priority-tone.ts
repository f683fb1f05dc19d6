import type { NoticePriority } from '../../../shared/domain/notices/index.ts';
import type { BadgeTone } from '../../ui/Badge.tsx';

/** How a notice's priority looks wherever it is badged: important warns, urgent alarms. */
export const PRIORITY_TONE: Record<NoticePriority, BadgeTone> = { normal: 'neutral', important: 'warn', urgent: 'danger' };
