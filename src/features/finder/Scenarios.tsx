import { useEffect, useMemo, useState } from 'react';
import { Dialog } from '../../components/Dialog';
import { DateTimeField, refuseBadTimes } from '../../components/DateTimeField';
import { Field } from '../../components/Field';
import { db, failureMessage, repos } from '../../db';
import { deleteScenario, promoteScenario } from '../../db/scenarios';
import { formatDayRange, hostCityOf } from '../../domain/planning';
import { countOf, type Plan, type Scenario } from '../../domain/model';
import { applyOverrides, mergeOverrides, overridesForVisitShift, type Override } from '../../domain/planning';
import { formatLocalDateTime, instantToLocal, localToInstant } from '../../domain/time';
import { daysBetween, visitHostDays, visitItems } from '../../domain/planning';
import { undoOffer } from '../../db/undo-offer';
import { useUndoStore } from '../../store/undo-store';
import { ScenarioCompare } from './ScenarioCompare';

interface ItemInfo {
  id: string;
  type: 'event' | 'leg';
  title: string;
  startsAt: string;
  endsAt: string;
  /** Zone of the start (an event's zone; a leg's departure place's) and of the end. */
  startZone: string;
  endZone: string;
  optional: boolean;
}

function itemsOf(plan: Plan): ItemInfo[] {
  const place = new Map(plan.places.map((p) => [p.id as string, p]));
  return [
    ...plan.events
      .filter((e) => !e.allDay && e.kind !== 'note')
      .map((e) => ({
        id: e.id as string,
        type: 'event' as const,
        title: e.title,
        startsAt: e.startsAt,
        endsAt: e.endsAt,
        startZone: e.timeZone,
        endZone: e.timeZone,
        optional: e.optional,
      })),
    ...plan.legs.map((l) => ({
      id: l.id as string,
      type: 'leg' as const,
      title: `${place.get(l.fromPlaceId)?.name ?? l.fromPlaceId} → ${place.get(l.toPlaceId)?.name ?? l.toPlaceId}${l.number ? ` (${l.number})` : ''}`,
      startsAt: l.departsAt,
      endsAt: l.arrivesAt,
      startZone: place.get(l.fromPlaceId)?.timeZone ?? 'UTC',
      endZone: place.get(l.toPlaceId)?.timeZone ?? 'UTC',
      optional: l.optional,
    })),
  ].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
}

/** Saved scenarios: choose one, edit its optional items and alternative dates, promote it, compare. */
export function Scenarios({ plan }: { plan: Plan }) {
  const [selectedId, setSelectedId] = useState<string>(plan.scenarios[0]?.id ?? '');
  const [error, setError] = useState<string | null>(null);
  const [confirmPromote, setConfirmPromote] = useState(false);
  // A scenario just created shows once the live query has it; a deleted one falls back to the first.
  const selected = plan.scenarios.find((s) => s.id === selectedId) ?? plan.scenarios[0] ?? null;

  const save = async (next: Scenario) => {
    setError(null);
    try {
      await repos.scenarios.put(next, { label: `Saved the scenario '${next.name}'` });
    } catch (err) {
      setError(failureMessage('Not saved', err));
    }
  };

  const create = async () => {
    const id = `scenario-${crypto.randomUUID()}`;
    const n = plan.scenarios.length + 1;
    await save({ id, name: `Scenario ${n}`, includeOptionalIds: [], overrides: [] } as unknown as Scenario);
    setSelectedId(id);
  };

  const remove = async (s: Scenario) => {
    setError(null);
    try {
      const { entry } = await deleteScenario(db, s.id);
      useUndoStore.getState().present(undoOffer(entry, `Deleted the scenario "${s.name}".`));
    } catch (err) {
      setError(failureMessage('Not deleted', err));
    }
  };

  const promote = async (s: Scenario) => {
    setConfirmPromote(false);
    setError(null);
    try {
      const { promotion, result } = await promoteScenario(db, s.id);
      const parts = [
        `${countOf(promotion.moved.length, 'item')} moved`,
        `${promotion.madeFirm.length} optional taken in`,
        `${promotion.cancelled.length} optional cancelled`,
      ];
      useUndoStore.getState().present(undoOffer(result.entry, `"${s.name}" is now the plan: ${parts.join(', ')}.`));
    } catch (err) {
      setError(failureMessage('Not promoted', err));
    }
  };

  return (
    <div className="scenarios">
      <section className="scenario-editor" aria-labelledby="scenario-editor-heading">
        <h3 id="scenario-editor-heading">Saved scenarios</h3>
        <div className="row">
          <Field label="Scenario">
            {(id) => (
              <select id={id} value={selected?.id ?? ''} onChange={(e) => setSelectedId(e.target.value)}>
                {plan.scenarios.length === 0 && <option value="">— none yet —</option>}
                {plan.scenarios.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <button type="button" onClick={create}>
            New scenario
          </button>
        </div>
        {error && (
          <p role="alert" className="save-error">
            {error}
          </p>
        )}
        {selected && (
          <ScenarioEditor
            key={selected.id}
            plan={plan}
            scenario={selected}
            onSave={save}
            onDelete={() => remove(selected)}
            onPromote={() => setConfirmPromote(true)}
          />
        )}
      </section>
      <ScenarioCompare plan={plan} />
      {confirmPromote && selected && (
        <Dialog title={`Make "${selected.name}" the plan?`} onClose={() => setConfirmPromote(false)}>
          <p>
            Its alternative dates become the items’ dates; the optional items it takes in stop being optional, and the
            ones it leaves out are marked cancelled. You can undo this.
          </p>
          <div className="actions">
            <span className="spacer" />
            <button type="button" onClick={() => setConfirmPromote(false)}>
              Keep the plan as it is
            </button>
            <button type="button" className="primary" onClick={() => promote(selected)}>
              Make it the plan
            </button>
          </div>
        </Dialog>
      )}
    </div>
  );
}

function ScenarioEditor({
  plan,
  scenario,
  onSave,
  onDelete,
  onPromote,
}: {
  plan: Plan;
  scenario: Scenario;
  onSave: (s: Scenario) => Promise<void>;
  onDelete: () => void;
  onPromote: () => void;
}) {
  const [name, setName] = useState(scenario.name);
  const [notes, setNotes] = useState(scenario.notes ?? '');
  const items = useMemo(() => itemsOf(plan), [plan]);
  const itemById = useMemo(() => new Map(items.map((i) => [i.id, i])), [items]);
  const optional = items.filter((i) => i.optional);
  const dirty = name !== scenario.name || notes !== (scenario.notes ?? '');

  const setOverrides = (overrides: Override[]) => onSave({ ...scenario, overrides });

  return (
    <div className="scenario-body">
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          void onSave({ ...scenario, name, notes });
        }}
      >
        <Field label="Name">
          {(id) => <input id={id} className="wide" value={name} onChange={(e) => setName(e.target.value)} />}
        </Field>
        <Field label="Notes">
          {(id) => (
            <textarea id={id} rows={2} className="wide" value={notes} onChange={(e) => setNotes(e.target.value)} />
          )}
        </Field>
        <button type="submit" disabled={!dirty}>
          Save name and notes
        </button>
      </form>

      <fieldset>
        <legend>Optional items taken in</legend>
        {optional.length === 0 && <p className="muted">The plan has no optional items.</p>}
        {optional.map((i) => (
          <label key={i.id} className="check">
            <input
              type="checkbox"
              checked={scenario.includeOptionalIds.includes(i.id)}
              onChange={(e) =>
                onSave({
                  ...scenario,
                  includeOptionalIds: e.target.checked
                    ? [...scenario.includeOptionalIds, i.id]
                    : scenario.includeOptionalIds.filter((x) => x !== i.id),
                })
              }
            />
            {i.title} ({formatLocalDateTime(i.startsAt, i.startZone)})
          </label>
        ))}
      </fieldset>

      <section aria-labelledby={`alt-${scenario.id}`}>
        <h4 id={`alt-${scenario.id}`}>Alternative dates</h4>
        {scenario.overrides.length === 0 ? (
          <p className="muted">None: every item keeps the plan’s dates.</p>
        ) : (
          <table className="overrides">
            <thead>
              <tr>
                <th scope="col">Item</th>
                <th scope="col">In this scenario (local times)</th>
                <th scope="col">In the plan</th>
                <th scope="col">
                  <span className="visually-hidden">Remove</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {scenario.overrides.map((o) => {
                const item = itemById.get(o.itemId);
                const sz = item?.startZone ?? 'UTC';
                const ez = item?.endZone ?? 'UTC';
                return (
                  <tr key={o.itemId}>
                    <td>{item?.title ?? `${o.itemId} (no longer in the plan)`}</td>
                    <td>
                      {formatLocalDateTime(o.startsAt, sz)} –<br />
                      {formatLocalDateTime(o.endsAt, ez)}
                    </td>
                    <td>
                      {!item ? (
                        '—'
                      ) : item.startsAt === o.startsAt && item.endsAt === o.endsAt ? (
                        <span className="same">the same</span>
                      ) : (
                        <>
                          {formatLocalDateTime(item.startsAt, sz)} –<br />
                          {formatLocalDateTime(item.endsAt, ez)}
                        </>
                      )}
                    </td>
                    <td>
                      <button
                        type="button"
                        aria-label={`Remove the alternative dates of ${item?.title ?? o.itemId}`}
                        onClick={() => setOverrides(scenario.overrides.filter((x) => x.itemId !== o.itemId))}
                      >
                        Remove
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
        <MoveVisit
          plan={plan}
          scenario={scenario}
          onOverrides={(next) => setOverrides(mergeOverrides(scenario.overrides, next))}
        />
        <SetItemDates items={items} onOverride={(o) => setOverrides(mergeOverrides(scenario.overrides, [o]))} />
      </section>

      <div className="actions">
        <button type="button" className="danger" onClick={onDelete}>
          Delete scenario
        </button>
        <span className="spacer" />
        <button type="button" className="primary" onClick={onPromote}>
          Make this the plan…
        </button>
      </div>
    </div>
  );
}

/** Move a whole visit inside the scenario to a new first day at the host. */
function MoveVisit({
  plan,
  scenario,
  onOverrides,
}: {
  plan: Plan;
  scenario: Scenario;
  onOverrides: (o: Override[]) => void;
}) {
  const visits = plan.visits.filter(
    (v) => visitItems(plan, v.id).events.length + visitItems(plan, v.id).legs.length > 0,
  );
  // Start with the visit the scenario already moves, if any.
  const [visitId, setVisitId] = useState(() => {
    const moved = new Set(scenario.overrides.map((o) => o.itemId));
    const item = [...plan.events, ...plan.legs].find((x) => moved.has(x.id) && x.visitId);
    return (item?.visitId as string | undefined) ?? visits[0]?.id ?? '';
  });
  const current = useMemo(() => {
    const withDates = applyOverrides(plan, scenario.overrides);
    const items = visitItems(withDates, visitId);
    const firstEvent = [...items.events].sort((a, b) => a.startsAt.localeCompare(b.startsAt))[0];
    const zone = hostCityOf(plan.places, firstEvent?.placeId)?.timeZone ?? firstEvent?.timeZone ?? 'UTC';
    return { zone, days: visitHostDays(items, zone) };
  }, [plan, scenario.overrides, visitId]);
  const [first, setFirst] = useState('');
  useEffect(() => setFirst(current.days?.startDate ?? ''), [current.days?.startDate]);
  if (visits.length === 0) return null;
  const offset = current.days && /^\d{4}-\d{2}-\d{2}$/.test(first) ? daysBetween(current.days.startDate, first) : NaN;
  return (
    <form
      className="row move-visit"
      onSubmit={(e) => {
        e.preventDefault();
        if (Number.isFinite(offset) && offset !== 0)
          onOverrides(overridesForVisitShift(plan, scenario.overrides, visitId, offset));
      }}
    >
      <Field label="Move a visit in this scenario">
        {(id) => (
          <select id={id} value={visitId} onChange={(e) => setVisitId(e.target.value)}>
            {visits.map((v) => (
              <option key={v.id} value={v.id}>
                {v.title}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        label="First day at the host"
        hint={current.days ? `now ${formatDayRange(current.days.startDate, current.days.endDate)}` : undefined}
      >
        {(id, hint) => (
          <input id={id} type="date" aria-describedby={hint} value={first} onChange={(e) => setFirst(e.target.value)} />
        )}
      </Field>
      <button type="submit" disabled={!Number.isFinite(offset) || offset === 0}>
        {Number.isFinite(offset) && offset !== 0 ? `Move by ${offset > 0 ? '+' : ''}${offset} days` : 'Move'}
      </button>
    </form>
  );
}

/** Give one event or leg other dates in the scenario, in local times at its places. */
function SetItemDates({ items, onOverride }: { items: ItemInfo[]; onOverride: (o: Override) => void }) {
  const [itemId, setItemId] = useState('');
  const item = items.find((i) => i.id === itemId);
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    setStart(item ? instantToLocal(item.startsAt, item.startZone) : '');
    setEnd(item ? instantToLocal(item.endsAt, item.endZone) : '');
    setProblem(null);
  }, [item]);
  return (
    <form
      className="row set-item"
      onSubmit={(e) => {
        e.preventDefault();
        if (!item || refuseBadTimes(e.currentTarget)) return;
        try {
          const startsAt = localToInstant(start, item.startZone);
          const endsAt = localToInstant(end, item.endZone);
          if (endsAt <= startsAt) {
            setProblem('The end must be after the start.');
            return;
          }
          onOverride({ itemId: item.id, startsAt, endsAt });
        } catch {
          setProblem('Give a start and an end.');
        }
      }}
    >
      <Field label="Other dates for one item">
        {(id) => (
          <select id={id} value={itemId} onChange={(e) => setItemId(e.target.value)}>
            <option value="">— choose an event or leg —</option>
            {items.map((i) => (
              <option key={i.id} value={i.id}>
                {i.title} ({formatLocalDateTime(i.startsAt, i.startZone)})
              </option>
            ))}
          </select>
        )}
      </Field>
      <DateTimeField
        label={`Start${item ? ` (${item.startZone})` : ''}`}
        name="Start"
        disabled={!item}
        value={start}
        onChange={setStart}
      />
      <DateTimeField
        label={`End${item ? ` (${item.endZone})` : ''}`}
        name="End"
        disabled={!item}
        value={end}
        onChange={setEnd}
      />
      <button type="submit" disabled={!item}>
        Set these dates
      </button>
      {problem && (
        <p role="alert" className="field-error">
          {problem}
        </p>
      )}
    </form>
  );
}
