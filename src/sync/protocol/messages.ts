/** Stateless messages between a client and the sync server (JSON text). */
import type { Claim, Signed } from './membership';

export type ServerMessage =
  /** The current owner-signed membership and the claims made under it: sent on connect and on change. */
  | { type: 'roster'; membership: Signed; claims: Claim[] }
  /** The server has durably stored the document up to this state vector (base64url). */
  | { type: 'stored'; stateVector: string }
  /** A request was refused, with a reason in plain words. */
  | { type: 'refused'; reason: string };

export type ClientMessage =
  /** The owner publishes a newer membership list. */
  { type: 'membership'; membership: Signed };

export function parseMessage<T extends { type: string }>(text: string): T | null {
  try {
    const value = JSON.parse(text) as T;
    return value && typeof value.type === 'string' ? value : null;
  } catch {
    return null;
  }
}
