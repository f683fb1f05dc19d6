import { type BriefItem, DailyBrief } from '../../../../shared/domain/brief.ts';
import type { ClientState } from '../../cache/client-state.ts';

const KEPT = 'brief.today';

/** Today's brief as the server last sent it, with its key items kept current by `brief.items` events. */
export class BriefCache {
  private readonly state: ClientState;

  constructor(state: ClientState) {
    this.state = state;
  }

  kept(): DailyBrief | null {
    return this.state.parsed(KEPT, DailyBrief);
  }

  keep(brief: DailyBrief): void {
    this.state.set(KEPT, brief);
  }

  /** A supervisor added or removed an item: the kept brief of that day takes the list as it is now. */
  setItems(day: string, items: readonly BriefItem[]): void {
    const brief = this.kept();
    if (brief && brief.day === day) this.keep({ ...brief, items: [...items] });
  }
}
