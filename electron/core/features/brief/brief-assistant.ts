import type { TFunction } from 'i18next';
import type { BridgeHandlers } from '../../../../shared/bridge/contract.ts';
import type { ActionOutcome, ToastView } from '../../../../shared/bridge/views.ts';
import { DailyBrief } from '../../../../shared/domain/brief.ts';
import type { Clock } from '../../../../shared/domain/clock.ts';
import type { SignedInSession } from '../../session/signed-in-session.ts';
import { liveBrief } from './live-brief.ts';
import type { Act } from '../../sync/action-outcome.ts';

type BriefHandlers = Pick<BridgeHandlers, 'brief.get' | 'brief.dismiss' | 'brief.addItem' | 'brief.removeItem'>;

export interface BriefContext {
  session(): SignedInSession | null;
  act: Act;
  clock: Clock;
  t(): TFunction;
  toast(toast: ToastView): void;
  changed(): void;
}

const SHOWN = 'brief.shownDay';
const DISMISSED = 'brief.dismissedDay';

/** One line for the toast: only what is there ("3 approvals waiting · 1 notice to acknowledge · not clocked in"). */
export function briefSummary(brief: DailyBrief, t: TFunction): string {
  const parts: string[] = [];
  if (brief.pendingApprovals.count > 0) parts.push(t('brief.approvals', { count: brief.pendingApprovals.count }));
  if (brief.requiredNoticesTotal > 0) parts.push(t('brief.notices', { count: brief.requiredNoticesTotal }));
  if (brief.attendance?.kind === 'workday' && brief.attendance.firstIn === null) parts.push(t('brief.notClockedIn'));
  const away = brief.leaders.filter((l) => l.outOfOffice !== null);
  for (const leader of away) parts.push(t('brief.leaderAway', { name: leader.name }));
  if (brief.items.length > 0) parts.push(t('brief.items', { count: brief.items.length }));
  return parts.length > 0 ? parts.join(' · ') : t('brief.allClear');
}

/**
 * The daily brief: on the first activity (sign-in, unlock, resume) of a workday, fetch one card of
 * what waits and announce it once; Home shows it until dismissed. Rest days stay quiet.
 */
export class BriefAssistant {
  private readonly context: BriefContext;
  private fetching: Promise<void> | null = null;

  constructor(context: BriefContext) {
    this.context = context;
  }

  async activity(): Promise<void> {
    this.fetching ??= this.announce().finally(() => {
      this.fetching = null;
    });
    return this.fetching;
  }

  handlers(): BriefHandlers {
    return {
      'brief.get': async () => {
        const s = this.context.session();
        const brief = s?.cache.brief.kept() ?? null;
        if (!s || !brief) return null;
        const today = s.cache.attendance.today();
        if (today && today.date !== brief.day) return null;
        return s.cache.state.get<string>(DISMISSED) === brief.day ? null : liveBrief(brief, s, this.context.clock.now());
      },
      'brief.dismiss': async () => {
        const s = this.context.session();
        const brief = s?.cache.brief.kept();
        if (s && brief) s.cache.state.set(DISMISSED, brief.day);
        this.context.changed();
        return { ok: true };
      },
      'brief.addItem': async ({ text }) =>
        this.afterwards(await this.context.act((s) => s.sync.enqueue('brief.addItem', { text }))),
      'brief.removeItem': async ({ itemId }) =>
        this.afterwards(await this.context.act((s) => s.sync.enqueue('brief.removeItem', { itemId }))),
    };
  }

  private async announce(): Promise<void> {
    const s = this.context.session();
    const today = s?.cache.attendance.today();
    if (!s || s.sync.state !== 'online' || !today || today.kind !== 'workday') return;
    if (s.cache.state.get<string>(SHOWN) === today.date) return;
    const brief = await this.refresh(s);
    if (!brief) return;
    s.cache.state.set(SHOWN, brief.day);
    const t = this.context.t();
    this.context.toast({
      id: `brief:${brief.day}`,
      kind: 'brief',
      title: t('brief.toastTitle'),
      body: briefSummary(brief, t),
      route: 'home',
      taskId: null,
      actions: [{ id: 'open', label: t('toast.open') }],
    });
  }

  private async refresh(s: SignedInSession): Promise<DailyBrief | null> {
    try {
      const brief = DailyBrief.parse(await s.sync.request('brief.today', {}));
      s.cache.brief.keep(brief);
      this.context.changed();
      return brief;
    } catch {
      return null;
    }
  }

  /** After a supervisor adds or removes an item, the card shows the new list. */
  private async afterwards(outcome: ActionOutcome): Promise<ActionOutcome> {
    const s = this.context.session();
    if (outcome.status === 'done' && s) await this.refresh(s);
    return outcome;
  }
}
