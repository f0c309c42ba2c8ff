import { readFileSync } from 'node:fs';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { db, seedIfFirstRun } from '../../../src/db';
import { buildBackup, encodeBackup } from '../../../src/domain/files';
import { buildSamplePlan } from '../../../src/domain/sample';
import { IoMenu } from '../../../src/features/io/IoMenu';
import { useUiStore } from '../../../src/store/ui-store';
import { makeEvent } from '../../helpers/factories';

const ics = (name: string) => readFileSync(`test/fixtures/ics/${name}`, 'utf8');

/** Open Import… from the menu and choose `file`: the dialog, and the user who chose it. */
async function importFile(file: File) {
  const user = userEvent.setup();
  render(<IoMenu />);
  await user.click(screen.getByRole('button', { name: 'Import…' }));
  const dialog = await screen.findByRole('dialog', { name: 'Import' }, { timeout: 5000 });
  await user.upload(dialog.querySelector('input[type="file"]') as HTMLInputElement, file);
  return { user, dialog };
}

beforeAll(async () => {
  await seedIfFirstRun(db);
});
afterAll(() => db.close());

describe('Import…', () => {
  it('shows what a calendar file holds and what it will change, and writes only on confirmation', async () => {
    useUiStore.getState().setDisplayZone('Asia/Shanghai');
    // Repeats are read around today: make today the day the file was written.
    vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
    vi.setSystemTime(new Date('2025-09-20T12:00:00.000Z'));
    const before = await db.events.count();
    const { user, dialog } = await importFile(new File([ics('google.ics')], 'google.ics', { type: 'text/calendar' }));
    await within(dialog).findByText(/What will change:/);
    expect(within(dialog).getByText(/Calendar file “Sherpa team”/)).toBeInTheDocument();
    expect(within(dialog).getByText(/read as America\/New_York time/)).toBeInTheDocument();
    expect(within(dialog).queryByRole('radio', { name: /Replace/ })).toBeNull();
    expect(await db.events.count()).toBe(before);
    await user.click(within(dialog).getByRole('button', { name: 'Import 8 changes' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(await db.events.count()).toBe(before + 8);
    expect((await db.events.get('ics:2n4k8v9c1q0m3p5r7t6u8w0x2y@google.com'))?.title).toBe("Leaders' call (prep)");
    vi.useRealTimers();
  });

  it('opens with a file dropped anywhere on the page, and refuses a bad one without writing', async () => {
    render(<IoMenu />);
    const before = await db.events.count();
    const file = new File(
      ['{"format":"summitry-backup","formatVersion":2,"tables":{"events":"nope"}}'],
      'broken.json',
      { type: 'application/json' },
    );
    await act(async () => {
      fireEvent.drop(window, { dataTransfer: { files: [file], types: ['Files'] } });
    });
    const dialog = await screen.findByRole('dialog', { name: 'Import' });
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('broken.json cannot be imported. Nothing was changed.');
    expect(alert).toHaveTextContent(/The backup's appVersion is required/);
    expect(await db.events.count()).toBe(before);
  });

  it('shows a file’s name cleaned: a bidi override cannot turn "gnp.json" round', async () => {
    render(<IoMenu />);
    const file = new File(['not a plan'], 'hostile\u202Egnp\u0007.json', { type: 'application/json' });
    await act(async () => {
      fireEvent.drop(window, { dataTransfer: { files: [file], types: ['Files'] } });
    });
    const dialog = await screen.findByRole('dialog', { name: 'Import' });
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('hostilegnp.json cannot be imported. Nothing was changed.');
    expect(dialog.textContent).not.toContain('\u202E');
    expect(dialog.textContent).not.toContain('\u0007');
  });

  it('counts in words that agree: "1 item refers to things not in the file"', async () => {
    const plan = buildSamplePlan();
    const [first, ...rest] = plan.events;
    const broken = { ...plan, events: [{ ...first!, placeId: 'nowhere' }, ...rest] } as typeof plan;
    const text = encodeBackup(
      buildBackup({
        plan: broken,
        planName: 'One dangling',
        appVersion: '1.0.0',
        exportedAt: '2025-09-20T12:00:00.000Z',
      }),
    );
    const { dialog } = await importFile(new File([text], 'one-dangling.json', { type: 'application/json' }));
    const summary = await within(dialog).findByText(/to things not in/, {}, { timeout: 5000 });
    expect(summary.textContent).toMatch(/^1 item refers to things not in\s+the file or your plan$/);
  });

  it('says in plain words what "refers to things not in the file" means and what will be done about it', async () => {
    const file = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Test//EN',
      'BEGIN:VEVENT',
      'UID:stray-briefing@summitry.local',
      'DTSTAMP:20261101T000000Z',
      'DTSTART:20261110T090000Z',
      'DTEND:20261110T100000Z',
      'SUMMARY:Stray briefing',
      'X-SUMMITRY-PLACE:place-nowhere',
      'X-SUMMITRY-PARTICIPANTS:person-nobody',
      'END:VEVENT',
      'END:VCALENDAR',
      '',
    ].join('\r\n');
    const { user, dialog } = await importFile(new File([file], 'stray.ics', { type: 'text/calendar' }));
    const summary = await within(dialog).findByText(/1 item refers to things not in the file or your plan/);
    await user.click(summary);
    const details = summary.closest('details')!;
    expect(details).toHaveTextContent(/neither this file nor your plan has a record with that code/);
    expect(details).toHaveTextContent(/They are imported anyway, with the code kept/);
    expect(details).toHaveTextContent(/Nothing else is added or changed for them/);
    expect(details).toHaveTextContent(/place "place-nowhere", participant "person-nobody"/);
  });

  it('writes the counts of a large file with thousands separators, in the sentence and the table alike', async () => {
    const plan = buildSamplePlan();
    const events = Array.from({ length: 1_200 }, (_, i) =>
      makeEvent({ id: `many-${i}` as never, title: `Many ${i}`, updatedAt: '2026-12-01T00:00:00.000Z' }),
    );
    const text = encodeBackup(
      buildBackup({
        plan: { ...plan, events: [...plan.events, ...events] },
        planName: 'Many',
        appVersion: '0.1.0',
        exportedAt: '2026-12-01T00:00:00.000Z',
      }),
    );
    const { dialog } = await importFile(new File([text], 'many.json', { type: 'application/json' }));
    await within(dialog).findByText(/What will change:/);
    expect(dialog).toHaveTextContent(/1,200 to add/);
    const row = within(within(dialog).getByRole('table')).getByRole('row', { name: /^events/ });
    expect(within(row).getAllByRole('cell')[0]).toHaveTextContent(/^1,200$/);
    expect(within(dialog).getByRole('button', { name: 'Import 1,200 changes' })).toBeEnabled();
  });
});
