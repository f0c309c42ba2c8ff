import { useMemo } from 'react';
import { StatusPill } from '../../components/StatusPill';
import { usePlan } from '../../db/hooks';
import { buildAgenda, type AgendaItemType } from '../../domain/agenda';
import { useUiStore } from '../../store/ui-store';

/** Every item in the display zone, grouped by day, with the local time at its place beside it. */
export function AgendaView({ heading, types, intro }: { heading: string; types?: AgendaItemType[]; intro?: string }) {
  const plan = usePlan();
  const displayZone = useUiStore((s) => s.displayZone);
  const includeOptional = useUiStore((s) => s.includeOptional);
  const openEditor = useUiStore((s) => s.openEditor);
  const days = useMemo(
    () => (plan ? buildAgenda(plan, { displayZone, includeOptional, types }) : []),
    [plan, displayZone, includeOptional, types],
  );
  if (!plan) return <p aria-busy="true">Loading the plan…</p>;
  return (
    <section className="agenda" aria-labelledby="agenda-heading">
      <h2 id="agenda-heading">{heading}</h2>
      {intro && <p className="intro">{intro}</p>}
      <p className="zone-note">Times in {displayZone.replace(/_/g, ' ')}; local time at each place beside it.</p>
      {days.length === 0 && <p>Nothing planned yet. Use “New item” to add one.</p>}
      {days.map((day) => (
        <section key={day.date} className="agenda-day" aria-label={day.label}>
          <h3>{day.label}</h3>
          <ul>
            {day.rows.map((row) => (
              <li key={`${row.type}-${row.id}`} className={`agenda-row kind-${row.kind}${row.optional ? ' optional' : ''}`}>
                <span className="agenda-time">{row.displayTime}</span>
                <span className="agenda-main">
                  {row.type === 'event' ? (
                    <button type="button" className="link" onClick={() => openEditor({ mode: 'edit', type: 'event', id: row.id })}>
                      {row.title}
                    </button>
                  ) : (
                    <span className="agenda-title">{row.title}</span>
                  )}
                  {row.optional && <span className="tag">optional</span>}
                  <span className="agenda-meta">
                    <span className="tag kind">{row.kind.replace('-', ' ')}</span>
                    {row.localTime && <span className="local">{row.localTime}</span>}
                    {row.participantNames.length > 0 && <span className="who">{row.participantNames.join(', ')}</span>}
                  </span>
                </span>
                <StatusPill status={row.status} />
              </li>
            ))}
          </ul>
        </section>
      ))}
    </section>
  );
}
