import { describe, expect, it } from 'vitest';
import type { PresenceSettings } from '../../../shared/domain/presence/index.ts';
import { effectivePresence, scheduleEnd } from './presence-rules.ts';

const zone = 'Asia/Shanghai';
const at = (local: string) => Date.parse(`${local}+08:00`);
const auto: PresenceSettings = { manual: 'auto', manualUntil: null, statusText: null, schedule: null };
const base = {
  connected: true,
  allIdle: false,
  settings: auto,
  outOfOffice: null,
  now: at('2026-11-23T10:00:00'),
  timeZone: zone,
};

describe('effective presence', () => {
  it('online, away when every device is idle, offline when none is connected', () => {
    expect(effectivePresence(base).state).toBe('online');
    expect(effectivePresence({ ...base, allIdle: true }).state).toBe('away');
    expect(effectivePresence({ ...base, connected: false }).state).toBe('offline');
  });

  it('out of office beats everything, with the proxy and the return date; only inside its period', () => {
    const ooo = {
      from: at('2026-11-23T00:00:00'),
      until: at('2026-11-26T00:00:00'),
      proxy: { id: 'u_gao_jian', name: '高健' },
      note: null,
    };
    expect(effectivePresence({ ...base, connected: false, outOfOffice: ooo })).toEqual({
      state: 'ooo',
      until: ooo.until,
      proxy: ooo.proxy,
      statusText: null,
    });
    expect(effectivePresence({ ...base, outOfOffice: ooo, now: ooo.until }).state).toBe('online');
    expect(effectivePresence({ ...base, outOfOffice: { ...ooo, from: at('2026-11-24T00:00:00') } }).state).toBe('online');
  });

  it('while out of office, the words beside the state are the note, never the meeting she set before', () => {
    const meeting: PresenceSettings = { ...auto, manual: 'meeting', manualUntil: null, statusText: 'Budget review' };
    const ooo = { from: base.now, until: base.now + 3600_000, proxy: { id: 'u_gao_jian', name: '高健' }, note: 'In Shenzhen' };
    expect(effectivePresence({ ...base, settings: meeting, outOfOffice: ooo })).toMatchObject({
      state: 'ooo',
      statusText: 'In Shenzhen',
    });
    expect(effectivePresence({ ...base, settings: meeting, outOfOffice: { ...ooo, note: null } }).statusText).toBeNull();
    expect(effectivePresence({ ...base, settings: meeting, outOfOffice: ooo, now: ooo.until })).toMatchObject({
      state: 'meeting',
      statusText: 'Budget review',
    });
  });

  it('manual states last until their end, then it is automatic again', () => {
    const meeting: PresenceSettings = { ...auto, manual: 'meeting', manualUntil: at('2026-11-23T11:00:00') };
    expect(effectivePresence({ ...base, settings: meeting })).toMatchObject({ state: 'meeting', until: meeting.manualUntil });
    expect(effectivePresence({ ...base, settings: meeting, now: at('2026-11-23T11:00:00') }).state).toBe('online');
    expect(effectivePresence({ ...base, settings: { ...auto, manual: 'busy' }, allIdle: true }).state).toBe('busy');
    // A manual state does not keep a PC that is off "busy".
    expect(effectivePresence({ ...base, settings: { ...auto, manual: 'busy' }, connected: false }).state).toBe('offline');
  });

  it('do-not-disturb by schedule on chosen weekdays, including a window across midnight', () => {
    const lunch = { from: '12:00', to: '13:30', days: [1, 2, 3, 4, 5] };
    const settings = { ...auto, schedule: lunch };
    expect(effectivePresence({ ...base, settings, now: at('2026-11-23T12:10:00') })).toMatchObject({
      state: 'dnd',
      until: at('2026-11-23T13:30:00'),
    });
    expect(effectivePresence({ ...base, settings, now: at('2026-11-23T13:30:00') }).state).toBe('online');
    expect(effectivePresence({ ...base, settings, now: at('2026-11-28T12:10:00') }).state).toBe('online'); // Saturday
    const night = { from: '22:00', to: '07:00', days: [5] }; // Friday night into Saturday
    expect(scheduleEnd(night, at('2026-11-27T23:00:00'), zone)).toBe(at('2026-11-28T07:00:00'));
    expect(scheduleEnd(night, at('2026-11-28T06:59:00'), zone)).toBe(at('2026-11-28T07:00:00'));
    expect(scheduleEnd(night, at('2026-11-28T07:00:00'), zone)).toBeNull();
    expect(scheduleEnd(night, at('2026-11-27T06:00:00'), zone)).toBeNull(); // Friday morning belongs to Thursday
    expect(scheduleEnd({ from: '09:00', to: '09:00', days: [1] }, at('2026-11-23T09:00:00'), zone)).toBeNull();
  });

  it('a manual do-not-disturb wins over meeting and busy; the schedule does not override a manual dnd end', () => {
    const dnd: PresenceSettings = {
      ...auto,
      manual: 'dnd',
      manualUntil: null,
      schedule: { from: '12:00', to: '13:00', days: [1] },
    };
    expect(effectivePresence({ ...base, settings: dnd })).toMatchObject({ state: 'dnd', until: null });
  });
});
