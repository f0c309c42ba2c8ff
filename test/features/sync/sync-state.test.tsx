import { describe, expect, it } from 'vitest';
import {
  type SyncSnapshot,
  inviteLink,
  joinFromHash,
  memberName,
  statusText,
} from '../../../src/features/sync/sync-state';

const snap = (status: SyncSnapshot['status'], pending = 0): SyncSnapshot => ({
  status,
  pending,
  members: [],
  conflicts: [],
  quarantined: [],
  problem: null,
});

describe('sync indicator words', () => {
  it('names each state, and the number of changes while syncing', () => {
    expect(statusText(null)).toBe('Connecting…');
    expect(statusText(snap('offline', 3))).toBe('Offline');
    expect(statusText(snap('connecting'))).toBe('Connecting…');
    expect(statusText(snap('syncing', 1))).toBe('Syncing 1 change');
    expect(statusText(snap('syncing', 12))).toBe('Syncing 12 changes');
    expect(statusText(snap('syncing', 0))).toBe('Syncing…');
    expect(statusText(snap('saved'))).toBe('Saved on the server');
  });
  it('says so when this member was removed, whatever the connection does', () => {
    for (const status of ['offline', 'connecting', 'syncing', 'saved'] as const)
      expect(statusText({ ...snap(status), removed: true })).toBe('Removed from the plan');
  });
});

describe('invitation links', () => {
  it('carry the code and the server in the # part and read back', () => {
    const link = inviteLink('https://app.example', 'abc-DEF_123', 'wss://sync.example.org:8443');
    expect(link.startsWith('https://app.example/#join=abc-DEF_123&server=')).toBe(true);
    expect(joinFromHash(new URL(link).hash)).toEqual({ code: 'abc-DEF_123', server: 'wss://sync.example.org:8443' });
  });
  it('find nothing in an address without an invitation', () => {
    expect(joinFromHash('')).toBeNull();
    expect(joinFromHash('#panel=history')).toBeNull();
    expect(joinFromHash('#join=')).toBeNull();
  });
});

describe('member names from other browsers', () => {
  it('are cleaned like every text: no bidi overrides, controls or line breaks, at most 80 characters', () => {
    expect(memberName('Ana\u202E lanoiténiM')).toBe('Ana lanoiténiM');
    expect(memberName('Bo\r\nevil\u0007')).toBe('Bo evil');
    expect(memberName('x'.repeat(200))).toHaveLength(80);
    expect(memberName('\u200B \u202E', 'Member')).toBe('Member');
    expect(memberName(42)).toBe('A member');
  });
});
