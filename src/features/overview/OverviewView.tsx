/** The plan at a glance, the view the app opens on: its visits and what comes next. */
import { useMemo, useState } from 'react';
import { StatusPill } from '../../components/StatusPill';
import { usePlan } from '../../db/hooks';
import { useSharedConflicts } from '../../db/plan-feed';
import type { PlanItem } from '../../domain/model';
import { formatDateRange, localDateOf } from '../../domain/time';
import { useUiStore } from '../../store/ui-store';
import { comingUp, itemWhen, visitSummaries } from './overview-data';
import './overview.css';

export interface OverviewViewProps {
  navigate: (path: string) => void;
  now?: () => Date;
}

const systemNow = () => new Date();

/** The plan and its conflicts from the one shared feed and analysis (no engine run of its own). */
function useOpenEntries() {
  const plan = usePlan();
  const includeOptional = useUiStore((s) => s.includeOptional);
  const shared = useSharedConflicts(includeOptional);
  return { plan, entries: shared?.entries ?? null };
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
          <h3 id="overview-next">What comes next</h3>
          {next.next.length === 0 && (
            <p className="overview-note">
              {next.recent.length
                ? 'Nothing is planned from today on.'
                : 'The plan has no items yet. Add one with New item.'}
            </p>
          )}
          <ItemList items={next.next} zone={displayZone} onOpen={openItem} />
          {next.recent.length > 0 && (
            <>
              <h3 id="overview-recent">Most recent</h3>
              <ItemList items={next.recent} zone={displayZone} onOpen={openItem} />
            </>
          )}
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

function ItemList({ items, zone, onOpen }: { items: PlanItem[]; zone: string; onOpen: (item: PlanItem) => void }) {
  if (items.length === 0) return null;
  return (
    <ol className="overview-items">
      {items.map((item) => (
        <li key={`${item.ref.type}:${item.ref.id}`}>
          <span className="overview-when">{itemWhen(item, zone)}</span>
          <button type="button" className="link" onClick={() => onOpen(item)}>
            {item.ref.title}
          </button>
          <StatusPill status={item.status} />
        </li>
      ))}
    </ol>
  );
}
