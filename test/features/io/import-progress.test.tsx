/**
 * The import dialog while a large file is read (jsdom has no Web Worker, so the job runs on the
 * main thread in steps): progress in words and a progress bar, and Cancel, which stops the job,
 * says nothing was changed and leaves the plan as it was.
 */
import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db, seedIfFirstRun } from '../../../src/db';
import { TABLE_NAMES } from '../../../src/domain/model';
import { IoMenu } from '../../../src/features/io/IoMenu';
import { benchBackup, benchCalendar } from '../../helpers/import-files';

beforeAll(async () => {
  await seedIfFirstRun(db);
});
afterAll(() => db.close());

async function counts(): Promise<number[]> {
  return Promise.all(TABLE_NAMES.map((t) => db.table(t).count()));
}

describe('Import… of a large file', () => {
  it('shows its progress with Cancel; Cancel stops it and changes nothing', async () => {
    const { text, records } = benchBackup(20_000, { compact: true });
    const before = await counts();
    const user = userEvent.setup();
    render(<IoMenu />);
    await user.click(screen.getByRole('button', { name: 'Import…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Import' });
    const input = dialog.querySelector('input[type="file"]') as HTMLInputElement;
    await user.upload(input, new File([text], 'large.json', { type: 'application/json' }));

    const total = records.toLocaleString('en');
    // The first progress shown (the job is then furthest from its end, so Cancel comes in time).
    const status = await within(dialog).findByText(
      new RegExp(`^(Reading… \\d+ %|Reading…|Reading the records…|Checking [\\d,]+ of ${total} records…)$`),
    );
    expect(status).toHaveAttribute('role', 'status');
    expect(status).toHaveAttribute('aria-live', 'polite');
    expect(within(dialog).getByRole('progressbar', { name: 'Import progress' })).toBeInTheDocument();
    expect(dialog.querySelector('.io-progress')).toHaveAttribute('data-import-runner', 'main');

    // Cancel in the same task as the progress was seen, so the job cannot finish first: the job
    // runs on in tasks of its own, and a user-event click waits for several (on a quick machine
    // the job was done before such a click landed).
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await within(dialog).findByText('The import of large.json was cancelled. Nothing was changed.');
    expect(within(dialog).queryByRole('progressbar')).toBeNull();
    expect(await counts()).toEqual(before);

    // The stopped job sends nothing more: the next file's review is that file's, and still
    // nothing is written until it is confirmed.
    const again = dialog.querySelector('input[type="file"]') as HTMLInputElement;
    await user.upload(again, new File([benchCalendar(3)], 'small.ics', { type: 'text/calendar' }));
    await within(dialog).findByText(/What will change:/);
    expect(within(dialog).getByRole('button', { name: 'Import 3 changes' })).toBeInTheDocument();
    expect(within(dialog).queryByText(/large\.json/)).toBeNull();
    expect(await counts()).toEqual(before);
  });
});
