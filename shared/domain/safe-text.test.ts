import { describe, expect, it } from 'vitest';
import { bridgeCalls } from '../bridge/contract.ts';
import { chatBridgeCalls } from '../bridge/chat-calls.ts';
import { parseDeepLink } from '../deep-link/deep-link.ts';
import { ChatDraft } from './chat/message.ts';
import { ToolDefinition } from './launcher/tool.ts';
import { isPlainText } from './safe-text.ts';

const RLO = '\u202E';

describe('text that could disguise itself is refused where it enters', () => {
  it('refuses direction overrides in chat text, tool names and file-like names; keeps Hebrew and its marks', () => {
    expect(ChatDraft.safeParse({ conversationId: 'c1', text: `see invoice${RLO}fdp.txt` }).success).toBe(false);
    expect(ChatDraft.safeParse({ conversationId: 'c1', text: 'שלום \u200Fעולם\nline two' }).success).toBe(true);
    const tool = (name: string) =>
      ToolDefinition.safeParse({
        name: { en: name, 'zh-CN': '工具' },
        category: { en: 'Finance', 'zh-CN': '财务' },
        icon: '¥',
        target: { kind: 'deeplink', link: 'portico://notices' },
      });
    expect(tool(`Payroll${RLO}exe.lmth`).success).toBe(false);
    expect(tool('Payroll\nsecond line').success).toBe(false);
    expect(tool('Payroll').success).toBe(true);
    expect(isPlainText(`invoice${RLO}fdp.txt`, true)).toBe(false);
    expect(isPlainText('\u2066isolate\u2069', true)).toBe(false);
  });

  it('search boxes drop NUL and other controls instead of throwing in the full-text index', () => {
    expect(chatBridgeCalls['chat.search'].params.parse({ query: 'a\u0000b\u202Ec' })).toMatchObject({ query: 'abc' });
    expect(bridgeCalls['notices.list'].params.parse({ query: '\u0000报销' })).toMatchObject({ query: '报销' });
  });

  it('refuses dot segments and encoded dots in deep links before the URL parser can resolve them', () => {
    for (const raw of [
      'portico://approvals/x/../y',
      'portico://approvals/%2e%2e/y',
      'portico://approvals/%2E%2E',
      'portico://notices/./n1',
      'portico://notices/..',
      'portico://approvals/r1/..?x=1',
    ])
      expect([raw, parseDeepLink(raw).ok]).toEqual([raw, false]);
    expect(parseDeepLink('portico://notices/n_1.2')).toEqual({ ok: true, route: 'notices/n_1.2' });
  });
});
