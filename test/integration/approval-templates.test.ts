import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { builtinTemplates } from '../../server/features/approvals/builtin-templates.ts';
import { type ApprovalWorld, approvalWorld, id } from './approval-world.ts';
import { login } from './harness.ts';

let w: ApprovalWorld;
beforeEach(async () => {
  w = await approvalWorld();
});
afterEach(async () => {
  await w.close();
});

const put = (token: string, key: string, body: unknown) =>
  fetch(`${w.server.url}/api/admin/approval-templates/${key}`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('templates are data an admin changes', () => {
  it('versions an edit; new requests use it, earlier ones keep the form they were submitted with', async () => {
    const before = w.svc.submit(id('zhang.wei'), w.leave(1));
    const admin = await login(w.server.url, 'huang.min');
    const leave = builtinTemplates.find((t) => t.key === 'leave')!;
    const edited = {
      ...leave,
      fields: [
        ...leave.fields,
        { key: 'handover', type: 'text', label: { en: 'Handover to', 'zh-CN': '工作交接人' }, required: true, maxLength: 50 },
      ],
    };
    const res = await put(admin.accessToken, 'leave', edited);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ key: 'leave', version: 2 });

    expect(() => w.svc.submit(id('zhang.wei'), w.leave(1))).toThrow(/form has problems/);
    const after = w.svc.submit(id('zhang.wei'), { ...w.leave(1), values: { ...w.leave(1).values, handover: '孙丽' } });
    expect(w.svc.detail(id('zhang.wei'), after.requestId).fields.map((f) => f.key)).toContain('handover');
    expect(w.svc.detail(id('zhang.wei'), before.requestId).fields.map((f) => f.key)).not.toContain('handover');
  });

  it('refuses an invalid template, a key mismatch, an unknown approver and a non-admin, changing nothing', async () => {
    const admin = await login(w.server.url, 'huang.min');
    const hr = await login(w.server.url, 'chen.jing');
    const overtime = builtinTemplates.find((t) => t.key === 'overtime')!;
    expect((await put(admin.accessToken, 'overtime', { ...overtime, titleField: 'nope' })).status).toBe(400);
    expect((await put(admin.accessToken, 'leave', overtime)).status).toBe(400);
    const ghost = {
      ...overtime,
      steps: [{ name: overtime.steps[0]!.name, approvers: { kind: 'users', userIds: ['u_ghost'] }, mode: 'any' }],
    };
    expect((await put(admin.accessToken, 'overtime', ghost)).status).toBe(400);
    expect((await put(hr.accessToken, 'overtime', overtime)).status).toBe(403);
    expect(w.approvals.templates.get('overtime')!.version).toBe(1);
  });
});
