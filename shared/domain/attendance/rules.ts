import { z } from 'zod';
import { EntityId } from '../ids.ts';
import { Role } from '../user.ts';

export const TimeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'times are HH:mm');
export const IsoDate = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'dates are YYYY-MM-DD');
export type IsoDate = z.infer<typeof IsoDate>;
export const IsoMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'months are YYYY-MM');
export type IsoMonth = z.infer<typeof IsoMonth>;

/** An IANA zone the runtime knows; `Intl` is the one time-zone database every side shares. */
export const TimeZone = z
  .string()
  .min(1)
  .max(64)
  .refine((zone) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  }, 'unknown IANA time zone');

/** `10.0.0.0/8`, `192.168.1.10/32`, `fd00::/8`: checked for form here, parsed exactly on the server. */
export const Cidr = z
  .string()
  .max(64)
  .regex(/^[0-9a-fA-F:.]+\/\d{1,3}$/, 'networks are written as address/prefix, like 10.0.0.0/8');

/**
 * One department's attendance rule (or the organisation's default). Admins edit it as data; the
 * server's rules engine reads it for every judgement, so changing a rule re-judges past days too.
 */
export const AttendanceRule = z
  .object({
    /** `null` is the organisation-wide default; a department id overrides it for its members. */
    departmentId: EntityId.nullable(),
    timeZone: TimeZone,
    /** ISO weekdays, 1 = Monday … 7 = Sunday. */
    workdays: z.array(z.number().int().min(1).max(7)).min(1).max(7),
    start: TimeOfDay,
    /** An end at or before the start is a night shift that ends the next morning. */
    end: TimeOfDay,
    /** Arrive up to this late without being late. */
    flexMinutes: z.number().int().min(0).max(240),
    /**
     * What the flexible minutes mean: `elastic`, arrive later and leave as much later (the end
     * moves, up to the flex); `grace`, late only after them and the end stays where it is.
     */
    flexMode: z.enum(['elastic', 'grace']).default('elastic'),
    /**
     * Breaks in the working day on its wall clock (lunch): not worked, and where a half day of
     * leave ends or starts (a morning off ends at the lunch break, so a 13:00 arrival is on time).
     */
    breaks: z
      .array(z.object({ start: TimeOfDay, end: TimeOfDay }).refine((b) => b.start < b.end, 'a break must end after it starts'))
      .max(4)
      .default([]),
    /** Later than start + flex + this, with no clock-in, the day counts as absent rather than late. */
    absentAfterMinutes: z
      .number()
      .int()
      .min(30)
      .max(24 * 60),
    /** Days off on a workday (public holidays). */
    holidays: z.array(IsoDate).max(400),
    /** Weekend days that are worked (the make-up workdays around Chinese public holidays). */
    extraWorkdays: z.array(IsoDate).max(100),
    /** Office networks as the server sees the client's address; empty means clocking from anywhere. */
    networks: z.array(Cidr).max(100),
    /** Roles that may clock from outside the networks, with a note saying where. */
    remoteRoles: z.array(Role).max(10),
    /**
     * An offline clock that reaches the server within this many minutes is accepted at its click time;
     * later ones go to review. Small by default (15): a connected PC's "offline" clock could backdate.
     */
    offlineGraceMinutes: z
      .number()
      .int()
      .min(0)
      .max(7 * 24 * 60),
    /** Minutes before the end to remind people who have not clocked out. */
    clockOutReminderMinutes: z.number().int().min(0).max(120),
  })
  .superRefine((rule, ctx) => {
    if (rule.start === rule.end)
      ctx.addIssue({ code: 'custom', message: 'a shift must not start and end at the same time', path: ['end'] });
    const overlap = rule.holidays.filter((day) => rule.extraWorkdays.includes(day));
    if (overlap.length > 0)
      ctx.addIssue({ code: 'custom', message: `${overlap[0]} is both a holiday and a workday`, path: ['extraWorkdays'] });
  });
export type AttendanceRule = z.infer<typeof AttendanceRule>;

export const defaultAttendanceRule = (timeZone: string): AttendanceRule => ({
  departmentId: null,
  timeZone,
  workdays: [1, 2, 3, 4, 5],
  start: '09:00',
  end: '18:00',
  flexMinutes: 0,
  flexMode: 'elastic',
  breaks: [{ start: '12:00', end: '13:00' }],
  absentAfterMinutes: 240,
  holidays: [],
  extraWorkdays: [],
  networks: [],
  remoteRoles: [],
  offlineGraceMinutes: 15,
  clockOutReminderMinutes: 5,
});
