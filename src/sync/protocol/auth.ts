/**
 * The token a client opens a connection with: a fresh signed statement "I hold this key and want
 * plan P now", optionally carrying a newer owner-signed membership list or an invitation claim.
 * The server checks the signature and the clock (±5 minutes) and refuses a nonce it has seen.
 */
import { randomBytes, toB64u } from './bytes';
import { type MemberKeys, signText, verifyText } from './keys';
import type { Claim, Signed } from './membership';

export const TOKEN_WINDOW_MS = 5 * 60_000;

export interface AuthBody {
  format: 'summitry-auth';
  planId: string;
  signPub: string;
  at: string;
  nonce: string;
  membership?: Signed;
  claim?: Claim;
}

export async function makeAuthToken(
  keys: MemberKeys,
  planId: string,
  now: Date,
  extra: { membership?: Signed; claim?: Claim } = {},
): Promise<string> {
  const body: AuthBody = {
    format: 'summitry-auth',
    planId,
    signPub: keys.signPub,
    at: now.toISOString(),
    nonce: toB64u(randomBytes(16)),
    ...extra,
  };
  const text = JSON.stringify(body);
  return JSON.stringify({ body: text, sig: await signText(keys.signPrivate, text) });
}

/** The token's body when its signature, plan and time are right; otherwise a reason. */
export async function readAuthToken(token: string, planId: string, now: Date): Promise<AuthBody | string> {
  let outer: Signed;
  let body: AuthBody;
  try {
    outer = JSON.parse(token) as Signed;
    body = JSON.parse(outer.body) as AuthBody;
  } catch {
    return 'The sign-in token is not readable.';
  }
  if (body?.format !== 'summitry-auth' || body.planId !== planId) return 'The sign-in token is for another plan.';
  const at = Date.parse(body.at);
  if (!Number.isFinite(at) || Math.abs(now.getTime() - at) > TOKEN_WINDOW_MS)
    return 'The sign-in token is too old or from the future: check this computer’s clock.';
  if (!(await verifyText(body.signPub, outer.body, outer.sig))) return 'The sign-in signature does not match.';
  return body;
}
