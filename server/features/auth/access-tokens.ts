import { SignJWT, errors, jwtVerify } from 'jose';

export interface AccessClaims {
  userId: string;
  sessionId: string;
  expiresAt: number;
}

export type AccessCheck = { ok: true; claims: AccessClaims } | { ok: false; reason: 'expired' | 'invalid' };

/** Short-lived access tokens (HS256 JWT): verified on every socket upgrade without a database hit. */
export class AccessTokens {
  private readonly key: Uint8Array;

  private readonly ttlMs: number;

  private readonly now: () => number;

  constructor(secret: Buffer, ttlMs: number, now: () => number) {
    this.ttlMs = ttlMs;

    this.now = now;
    this.key = new Uint8Array(secret);
  }

  async issue(userId: string, sessionId: string): Promise<{ token: string; expiresAt: number }> {
    const issuedAt = Math.floor(this.now() / 1000);
    const expiresAt = this.now() + this.ttlMs;
    const token = await new SignJWT({ sid: sessionId })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(userId)
      .setIssuedAt(issuedAt)
      .setExpirationTime(Math.floor(expiresAt / 1000))
      .setAudience('portico')
      .sign(this.key);
    return { token, expiresAt: Math.floor(expiresAt / 1000) * 1000 };
  }

  async verify(token: string): Promise<AccessCheck> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        algorithms: ['HS256'],
        audience: 'portico',
        currentDate: new Date(this.now()),
      });
      if (typeof payload.sub !== 'string' || typeof payload.sid !== 'string' || typeof payload.exp !== 'number') {
        return { ok: false, reason: 'invalid' };
      }
      return {
        ok: true,
        claims: {
          userId: payload.sub,
          sessionId: payload.sid,
          expiresAt: payload.exp * 1000,
        },
      };
    } catch (error) {
      return {
        ok: false,
        reason: error instanceof errors.JWTExpired ? 'expired' : 'invalid',
      };
    }
  }
}
