import { z } from 'zod';
import { nameText } from '../safe-text.ts';
import { parseDeepLink } from '../../deep-link/deep-link.ts';
import { parseUrl } from '../../web-url.ts';
import { LocalizedText } from '../approvals/template.ts';
import { EntityId, Instant } from '../ids.ts';
import { Audience } from '../notices/audience.ts';

/**
 * An office tool in the launcher's catalog. Admins define tools on the server; each user sees the
 * ones whose audience includes them. Three kinds: a web tool (optionally signed in with a ticket),
 * a local program (run only if IT's allow-list names it) and a deep link into Portico.
 */
const WebUrl = z
  .url({ protocol: /^https?$/ })
  .max(2048)
  .refine((raw) => {
    const url = parseUrl(raw);
    return url !== null && url.username === '' && url.password === '' && url.hash === '';
  }, 'a tool URL has no credentials and no fragment');

/** http is fine for intranet tools; a sign-in ticket travels only over https, or to this machine. */
export function ticketMayTravelTo(raw: string): boolean {
  const url = parseUrl(raw);
  if (!url) return false;
  return url.protocol === 'https:' || ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
}

const ParamName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_.-]{0,63}$/, 'a parameter name is letters, digits and _ . -');

/** How the ticket reaches the tool: not at all, as a query parameter, or as a form POST field. */
export const TicketDelivery = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('none') }),
  z.object({ mode: z.literal('query'), param: ParamName.default('ticket') }),
  z.object({ mode: z.literal('post'), field: ParamName.default('ticket') }),
]);
export type TicketDelivery = z.infer<typeof TicketDelivery>;

export const WebTarget = z
  .object({
    kind: z.literal('web'),
    url: WebUrl,
    /** A hardened app window of its own (separate session, no Node, kept to the tool's origin) or the system browser. */
    openIn: z.enum(['window', 'browser']).default('window'),
    sso: TicketDelivery.default({ mode: 'none' }),
    /**
     * The ticket's `aud`: what the tool checks. Defaults to the tool's own address (origin and path),
     * so a ticket for the wiki at intranet/wiki is refused by payroll at intranet/payroll. Two tools
     * share an audience only when IT writes the same one on both.
     */
    audience: z.string().trim().min(1).max(256).optional(),
  })
  .superRefine((t, ctx) => {
    if (t.sso.mode === 'post' && t.openIn === 'browser')
      ctx.addIssue({ code: 'custom', path: ['openIn'], message: 'a form POST ticket needs the app window' });
    if (t.sso.mode !== 'none' && !ticketMayTravelTo(t.url))
      ctx.addIssue({ code: 'custom', path: ['url'], message: 'a sign-in ticket is sent only over https (or to this machine)' });
  });

const ProgramPath = z
  .string()
  .trim()
  .min(1)
  .max(1024)
  .refine((p) => ![...p].some((ch) => ch < ' ' || ch === '"'), 'a program path has no quotes or control characters');

export const ProgramTarget = z.object({
  kind: z.literal('program'),
  /** Full path; one per platform, since the same tool lives in different places. */
  paths: z
    .object({ win32: ProgramPath.optional(), darwin: ProgramPath.optional(), linux: ProgramPath.optional() })
    .refine((p) => p.win32 ?? p.darwin ?? p.linux, 'give the program path for at least one platform'),
  args: z
    .array(
      z
        .string()
        .max(1024)
        .refine((a) => !a.includes('\u0000'), 'no NUL in arguments'),
    )
    .max(32)
    .default([]),
});

export const DeepLinkTarget = z.object({
  kind: z.literal('deeplink'),
  link: z
    .string()
    .max(2048)
    .refine((link) => parseDeepLink(link).ok, 'a portico:// link to a page Portico has'),
});

export const ToolTarget = z.discriminatedUnion('kind', [WebTarget, ProgramTarget, DeepLinkTarget]);
export type ToolTarget = z.infer<typeof ToolTarget>;
export type ToolKind = ToolTarget['kind'];

/** Every content language a server-provided name may carry; English and Simplified Chinese required (shared/domain/localized-text.ts). */
const inLanguages = (text: () => z.ZodString) =>
  z.object({
    en: text(),
    'zh-CN': text(),
    'zh-TW': text().optional(),
    he: text().optional(),
    ru: text().optional(),
    nb: text().optional(),
  });
const OptionalText = inLanguages(() => nameText(300));
/** A tool's name: one line, no direction overrides (a disguised name is how a lookalike tool would lure). */
const ToolName = inLanguages(() => nameText(200).min(1));

/** What an admin writes to define a tool. */
export const ToolDefinition = z.object({
  name: ToolName,
  description: OptionalText.default({ en: '', 'zh-CN': '' }),
  category: LocalizedText,
  /** A glyph (an emoji or one or two letters) on a coloured tile: no remote image to fetch or track. */
  icon: z.string().trim().min(1).max(8),
  color: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/)
    .default('#3a6ea5'),
  keywords: z.array(z.string().trim().min(1).max(40)).max(20).default([]),
  target: ToolTarget,
  audience: Audience.default({ everyone: true, departmentIds: [], roles: [], userIds: [] }),
  enabled: z.boolean().default(true),
  position: z.number().int().min(0).max(100_000).default(1000),
});
export type ToolDefinition = z.infer<typeof ToolDefinition>;

/** A tool as a user's catalog shows it (the audience stays on the server). */
export const Tool = z.object({
  id: EntityId,
  name: LocalizedText,
  description: OptionalText,
  category: LocalizedText,
  icon: z.string().max(8),
  color: z.string().max(7),
  keywords: z.array(z.string().max(40)).max(20),
  target: ToolTarget,
});
export type Tool = z.infer<typeof Tool>;

export const ToolUsage = z.object({
  /** Launches in the last 90 days, on any device. */
  count: z.number().int().nonnegative(),
  lastUsedAt: Instant.nullable(),
});
export type ToolUsage = z.infer<typeof ToolUsage>;

export const CatalogEntry = Tool.extend({ favorite: z.boolean(), usage: ToolUsage });
export type CatalogEntry = z.infer<typeof CatalogEntry>;

export const LaunchSource = z.enum(['catalog', 'palette', 'tray', 'home']);
export type LaunchSource = z.infer<typeof LaunchSource>;

/** The origin a web tool lives on, and the ticket audience it gets by default. */
export function toolOrigin(target: { url: string }): string {
  return parseUrl(target.url)?.origin ?? target.url;
}

export function ticketAudience(target: { url: string; audience?: string | undefined }): string {
  if (target.audience) return target.audience;
  const url = parseUrl(target.url);
  return url ? `${url.origin}${url.pathname.replace(/\/+$/, '')}` : target.url;
}
