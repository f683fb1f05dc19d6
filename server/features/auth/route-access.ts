import type { IncomingMessage } from 'node:http';
import { HttpProblem, bearerToken } from '../../gateway/http-kit.ts';
import type { DirectoryStore } from '../directory/directory-store.ts';
import type { Access } from '../server-feature.ts';
import type { AuthService } from './auth-service.ts';
import { requireRole } from './require-role.ts';

/** How routes check their caller: a valid access token (401 without), and a role where one is asked for (403). */
export function routeAccess(auth: AuthService, directory: Pick<DirectoryStore, 'hasAnyRole'>): Access {
  const signedIn = async (req: IncomingMessage): Promise<string> => {
    const token = bearerToken(req);
    if (!token) throw new HttpProblem(401, 'token_missing', 'send "Authorization: Bearer <access token>"');
    const check = await auth.verifyAccess(token);
    if (!check.ok) throw new HttpProblem(401, `token_${check.reason}`, `access token ${check.reason}`);
    return check.claims.userId;
  };
  return { signedIn, roles: (roles, refusal) => requireRole(signedIn, directory, roles, refusal) };
}
