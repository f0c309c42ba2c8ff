/** Ids and status words shared by calendar export and import: UIDs of our own items, record ids
 * from other UIDs, STATUS both ways, SEQUENCE from the last edit. */
import type { Status } from '../model';
import { toMs } from '../time';

export const UID_DOMAIN = 'summitry.local';

export const STATUS_TO_ICS: Readonly<Record<Status, 'TENTATIVE' | 'CONFIRMED' | 'CANCELLED'>> = {
  speculative: 'TENTATIVE',
  proposed: 'TENTATIVE',
  tentative: 'TENTATIVE',
  confirmed: 'CONFIRMED',
  held: 'CONFIRMED',
  postponed: 'CANCELLED',
  cancelled: 'CANCELLED',
};

export const ICS_TO_STATUS: Readonly<Record<string, Status>> = {
  TENTATIVE: 'tentative',
  CONFIRMED: 'confirmed',
  CANCELLED: 'cancelled',
};

const SEQUENCE_EPOCH_MS = Date.UTC(2020, 0, 1);

/** SEQUENCE of an item: whole seconds from 2020-01-01 to its last edit, so every edit raises it. */
export function sequenceOf(updatedAt: string | undefined): number {
  if (!updatedAt) return 0;
  return Math.max(0, Math.floor((toMs(updatedAt) - SEQUENCE_EPOCH_MS) / 1000));
}

/** The UID of an item: `<id>@summitry.local` for events, `leg/<id>@…` and `window/<id>@…`. */
export function uidOf(type: 'event' | 'leg' | 'window', id: string): string {
  return `${type === 'event' ? '' : `${type}/`}${id}@${UID_DOMAIN}`;
}

/** Whether a UID is one of ours (`…@summitry.local`). */
export function isOwnUid(uid: string): boolean {
  return uid.endsWith(`@${UID_DOMAIN}`);
}

const ID_PATTERN = /^[A-Za-z0-9._:@-]+$/;

/**
 * The record id for a UID: our own UIDs give back the item's id; other UIDs become `ics:<uid>`
 * (or `ics:h<hash>` when the UID is long or has other characters), so a file imported again
 * updates the same items.
 */
export function idFromUid(uid: string): string {
  if (isOwnUid(uid)) {
    const local = uid.slice(0, -(UID_DOMAIN.length + 1)).replace(/^(leg|window)\//, '');
    if (ID_PATTERN.test(local) && local.length <= 100) return local;
  }
  if (ID_PATTERN.test(uid) && uid.length <= 96) return `ics:${uid}`;
  return `ics:h${hashText(uid)}`;
}

/** A 53-bit hash (cyrb53) as base-36 text: stable ids for long UIDs. */
export function hashText(s: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}
