import type { IncomingMessage } from 'node:http';
import type { Role } from '../../../shared/domain/user.ts';
import { HttpProblem } from '../../gateway/http-kit.ts';
import type { DirectoryStore } from '../directory/directory-store.ts';

/** An authenticator for routes only some roles may call: 401 without a valid token, 403 without the role. */
export function requireRole(
  authenticate: (req: IncomingMessage) => Promise<string>,
  directory: Pick<DirectoryStore, 'hasAnyRole'>,
  roles: readonly Role[],
  refusal: string,
): (req: IncomingMessage) => Promise<string> {
  return async (req) => {
    const userId = await authenticate(req);
    if (!directory.hasAnyRole(userId, roles)) throw new HttpProblem(403, 'forbidden', refusal);
    return userId;
  };
}
