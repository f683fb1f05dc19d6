import { expect } from 'vitest';
import type { ToastView } from '../../shared/bridge/views.ts';
import type { Clock } from '../../shared/domain/clock.ts';
import type { PorticoCore } from '../../electron/core/portico-core.ts';
import { tempDir, testCore, waitFor } from './harness.ts';

/**
 * A desktop core signed in as a demo person against a test server, sharing the test's clock, with
 * every toast it raises; its folder and core are closed by the test's cleanups.
 */
export async function signedInDesktop(
  serverUrl: string,
  clock: Clock,
  username: string,
  cleanups: (() => unknown)[],
): Promise<{ core: PorticoCore; toasts: ToastView[]; dir: string }> {
  const dir = tempDir('core');
  const core = testCore(dir.dir, serverUrl, clock);
  const toasts: ToastView[] = [];
  core.events.on('toast', (toast) => toasts.push(toast));
  cleanups.push(
    () => dir.remove(),
    () => core.stop(),
  );
  expect(await core.handlers['session.signIn']({ serverUrl, username, password: 'portico-demo' })).toEqual({ ok: true });
  await waitFor(() => core.connectionView().state === 'online', 5000, `${username} online`);
  return { core, toasts, dir: dir.dir };
}
