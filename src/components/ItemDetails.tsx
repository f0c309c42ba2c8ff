import { Fragment, type ReactNode } from 'react';
import { isSafeUrl, type Source } from '../domain/model';
import { Dialog } from './Dialog';

/** One line of the details: a term and what it says. */
export interface DetailRow {
  label: string;
  value: ReactNode;
}

/**
 * Read-only details of a plan item in a dialog: an optional lead line, the rows (a falsy entry is
 * left out), the notes and sources (no list at all when there is none of these), whatever the view
 * adds below (`children`), and Close.
 * Source links open only when their address is safe; otherwise the title is shown as text.
 */
export function ItemDetails({
  title,
  lead,
  rows,
  notes,
  sources = [],
  onClose,
  children,
}: {
  title: string;
  lead?: ReactNode;
  rows: readonly (DetailRow | false | null | undefined | '')[];
  notes?: string;
  sources?: readonly Source[];
  onClose: () => void;
  children?: ReactNode;
}) {
  const shown = rows.filter((row): row is DetailRow => !!row);
  return (
    <Dialog title={title} onClose={onClose}>
      {lead}
      {(shown.length > 0 || notes || sources.length > 0) && (
        <dl className="item-details">
          {shown.map((row) => (
            <Fragment key={row.label}>
              <dt>{row.label}</dt>
              <dd>{row.value}</dd>
            </Fragment>
          ))}
          {notes && (
            <>
              <dt>Notes</dt>
              <dd className="notes">{notes}</dd>
            </>
          )}
          {sources.length > 0 && (
            <>
              <dt>Sources</dt>
              <dd>
                <ul>
                  {sources.map((s, i) => (
                    <li key={i}>
                      {s.url && isSafeUrl(s.url) ? (
                        <a href={s.url} target="_blank" rel="noopener noreferrer">
                          {s.title}
                        </a>
                      ) : (
                        s.title
                      )}
                      {s.date ? ` (${s.date})` : ''}
                    </li>
                  ))}
                </ul>
              </dd>
            </>
          )}
        </dl>
      )}
      {children}
      <div className="actions">
        <span className="spacer" />
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}
