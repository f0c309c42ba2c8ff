/** The plan at a glance, the view the app opens on: its visits and what comes next. */
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { StatusPill } from '../../components/StatusPill';
import { db } from '../../db';
import { createAcceptances } from '../../db/acceptances';
import { usePlan } from '../../db/hooks';
import { analyzeCompiled, classifyConflicts, compilePlan } from '../../domain/conflicts';
import type { PlanItem } from '../../domain/model';
import { formatDateRange, formatLocalDateTime, localDateOf } from '../../domain/time';
import { useUiStore } from '../../store/ui-store';
import { comingUp, visitSummaries } from './overview-data';
import './overview.css';

export interface OverviewViewProps {
  navigate: (path: string) => void;
  now?: () => Date;
}

const systemNow = () => new Date();

function useOpenEntries() {
  const plan = usePlan();
  const includeOptional = useUiStore((s) => s.includeOptional);
  const accepted = useLiveQuery(() => createAcceptances(db).all(), [db], null);
  const entries = useMemo(
    () =>
      plan && accepted
        ? classifyConflicts(analyzeCompiled(compilePlan(plan), { includeOptional }).conflicts, accepted, plan)
        : null,
    [plan, accepted, includeOptional],
  );
  return { plan, entries };
}

export function OverviewView({ navigate, now = systemNow }: OverviewViewProps) {
  const { plan, entries } = useOpenEntries();
  const displayZone = useUiStore((s) => s.displayZone);
  const openEditor = useUiStore((s) => s.openEditor);
  const [nowIso] = useState(() => now().toISOString());
  const visits = useMemo(() => (plan ? visitSummaries(plan, entries) : []), [plan, entries]);
  const next = useMemo(() => (plan ? comingUp(plan, nowIso) : null), [plan, nowIso]);
  if (!plan || !next) return <p aria-busy="true">Loading the plan…</p>;
  const openCount = entries?.filter((e) => e.state !== 'accepted' && e.conflict.severity !== 'info').length;

  const openItem = (item: PlanItem) => {
    const view = item.ref.type === 'leg' && item.visitId ? null : 'week';
    if (!view) return navigate(`/route?visit=${encodeURIComponent(item.visitId!)}`);
    navigate(`/calendar?view=week&date=${localDateOf(item.startsAt, displayZone)}`);
    if (item.ref.type === 'event') openEditor({ mode: 'edit', type: 'event', id: item.ref.id });
  };

  return (
    <div className="overview">
      <h2>Overview</h2>
      <p className="overview-lead">
        {visits.length} {visits.length === 1 ? 'visit' : 'visits'} · {plan.events.length + plan.legs.length} items ·{' '}
        <a
          href="/conflicts"
          onClick={(e) => {
            e.preventDefault();
            navigate('/conflicts');
          }}
        >
          {openCount ?? '…'} open errors and warnings
        </a>
      </p>
      <div className="overview-columns">
        <section aria-labelledby="overview-next" className="overview-panel">
          <h3 id="overview-next">{next.mode === 'recent' ? 'Most recent' : 'What comes next'}</h3>
          {next.mode === 'recent' && (
            <p className="overview-note">Nothing is planned from today on; the latest items:</p>
          )}
          {next.mode === 'empty' && <p className="overview-note">The plan has no items yet. Add one with New item.</p>}
          <ol className="overview-items">
            {next.items.map((item) => (
              <li key={`${item.ref.type}:${item.ref.id}`}>
                <span className="overview-when">{formatLocalDateTime(item.startsAt, displayZone)}</span>
                <button type="button" className="link" onClick={() => openItem(item)}>
                  {item.ref.title}
                </button>
                <StatusPill status={item.status} />
              </li>
            ))}
          </ol>
        </section>
        <section aria-labelledby="overview-visits" className="overview-panel">
          <h3 id="overview-visits">Visits</h3>
          {visits.length === 0 ? (
            <p className="overview-note">No visits yet. Add one with New visit.</p>
          ) : (
            <table className="overview-visits">
              <thead>
                <tr>
                  <th scope="col">Visit</th>
                  <th scope="col">Dates</th>
                  <th scope="col">Status</th>
                  <th scope="col">Open conflicts</th>
                </tr>
              </thead>
              <tbody>
                {visits.map((v) => (
                  <tr key={v.id}>
                    <th scope="row">
                      <a
                        href={`/route?visit=${encodeURIComponent(v.id)}`}
                        onClick={(e) => {
                          e.preventDefault();
                          navigate(`/route?visit=${encodeURIComponent(v.id)}`);
                        }}
                      >
                        {v.title}
                      </a>
                      <span className="overview-sub">{[v.guest, v.hostCountry].filter(Boolean).join(' → ')}</span>
                    </th>
                    <td>{v.startDate && v.endDate ? formatDateRange(v.startDate, v.endDate) : 'No dates yet'}</td>
                    <td>
                      <StatusPill status={v.status} />
                    </td>
                    <td className={v.openConflicts ? 'overview-conflicts' : undefined}>
                      {entries ? (v.openConflicts ? `${v.openConflicts} open` : 'None') : '…'}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      </div>
    </div>
  );
}
