import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';

vi.mock('../../../src/features/sync/runtime', () => ({
  currentRuntime: () => null,
  readInvitation: () => Promise.reject(new Error('No invitation.')),
  joinPlan: () => Promise.reject(new TypeError("Cannot read properties of undefined (reading 'slot')")),
  sharePlan: () => Promise.reject(new TypeError('Failed to fetch')),
}));

const { SyncDialogs } = await import('../../../src/features/sync/SyncDialogs');

afterEach(cleanup);

describe('sync dialogs: failures in plain words', () => {
  it('a program error while sharing is told in plain words, never its own message', async () => {
    render(<SyncDialogs dialog="share" onClose={() => {}} />);
    fireEvent.submit(screen.getByRole('button', { name: 'Share plan' }).closest('form')!);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).not.toContain('Failed to fetch');
    expect(alert.textContent).toMatch(/^Something went wrong inside the browser\. Nothing was changed\./);
  });

  it("the runtime's own sentences still reach the user as written", async () => {
    const runtime = await import('../../../src/features/sync/runtime');
    vi.spyOn(runtime, 'sharePlan').mockRejectedValueOnce(
      new Error('The server address must start with ws:// (this machine) or wss:// (a server elsewhere).'),
    );
    render(<SyncDialogs dialog="share" onClose={() => {}} />);
    fireEvent.submit(screen.getByRole('button', { name: 'Share plan' }).closest('form')!);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The server address must start with ws://');
  });
});
