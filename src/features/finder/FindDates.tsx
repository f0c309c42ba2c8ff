import { useMemo, useState } from 'react';
import { ChoiceChecks } from '../../components/ChoiceChecks';
import { refuseBadTimes, TimeField } from '../../components/DateTimeField';
import { Field } from '../../components/Field';
import { ZoneSelect } from '../../components/ZoneSelect';
import { db, failureMessage, repos } from '../../db';
import { createVisit, shiftVisit } from '../../db/visits';
import {
  candidateToNewVisit,
  findDates,
  type Candidate,
  type FinderRequest,
  type FinderResult,
} from '../../domain/planning';
import { countOf, verbOf, type Plan } from '../../domain/model';
import { overridesForVisitShift } from '../../domain/planning';
import { toMs } from '../../domain/time';
import { useUiStore } from '../../store/ui-store';
import { undoOffer } from '../../db/undo-offer';
import { useUndoStore } from '../../store/undo-store';
import {
  emptyFinderForm,
  formToRequest,
  movableVisits,
  newVisitTitle,
  prefillForVisit,
  type FinderFormValues,
} from './finder-form';

/** The date finder: a form, then ranked candidates with their reasons, each one applicable. */
export function FindDates({
  plan,
  today,
  onScenarioSaved,
}: {
  plan: Plan;
  today: string;
  onScenarioSaved: () => void;
}) {
  const includeOptional = useUiStore((s) => s.includeOptional);
  const [form, setForm] = useState<FinderFormValues>(() => emptyFinderForm(today));
  const [submitted, setSubmitted] = useState<{ request: FinderRequest; form: FinderFormValues } | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const result = useMemo<FinderResult | null>(
    () => (submitted ? findDates(plan, submitted.request) : null),
    [plan, submitted],
  );
  const set = <K extends keyof FinderFormValues>(key: K, value: FinderFormValues[K]) =>
    setForm((f) => ({ ...f, [key]: value }));
  const moving = form.moveVisitId ? plan.visits.find((v) => v.id === form.moveVisitId) : undefined;

  const placeOptions = useMemo(
    () =>
      [...plan.places].sort(
        (a, b) => Number(b.kind === 'city') - Number(a.kind === 'city') || a.name.localeCompare(b.name),
      ),
    [plan.places],
  );
  const windowOptions = useMemo(
    () =>
      [
        ...plan.windows.map((w) => ({
          id: w.id as string,
          label: `${w.title} (${w.startDate} – ${w.endDate})`,
          at: w.startsAt,
        })),
        ...plan.events
          .filter((e) => e.kind === 'summit')
          .map((e) => ({ id: e.id as string, label: e.title, at: e.startsAt })),
      ].sort((a, b) => a.at.localeCompare(b.at)),
    [plan.windows, plan.events],
  );
  // Items near the search range that a planner may want to keep clear of.
  const avoidOptions = useMemo(() => {
    const from = Date.parse(`${form.from}T00:00:00Z`) - 30 * 86_400_000;
    const to = Date.parse(`${form.to}T00:00:00Z`) + 30 * 86_400_000;
    if (!Number.isFinite(from) || !Number.isFinite(to)) return [];
    const inRange = (s: string, e: string) => toMs(s) < to && from < toMs(e);
    return [
      ...plan.events
        .filter((e) => e.kind !== 'note' && e.visitId !== form.moveVisitId && inRange(e.startsAt, e.endsAt))
        .map((e) => ({ id: e.id as string, title: e.title, at: e.startsAt })),
      ...plan.windows
        .filter((w) => inRange(w.startsAt, w.endsAt))
        .map((w) => ({ id: w.id as string, title: w.title, at: w.startsAt })),
    ]
      .sort((a, b) => a.at.localeCompare(b.at))
      .slice(0, 40);
  }, [plan.events, plan.windows, form.from, form.to, form.moveVisitId]);

  const onSubmit = (e: React.FormEvent) => {
    e.preventDefault();
    if (refuseBadTimes(e.currentTarget as HTMLFormElement)) return;
    setActionError(null);
    setSubmitted({ request: formToRequest(form, includeOptional), form });
  };

  const apply = async (c: Candidate) => {
    if (!submitted) return;
    setBusy(true);
    setActionError(null);
    try {
      const { request, form: used } = submitted;
      if (request.moveVisitId && c.offsetDays !== undefined) {
        const visit = plan.visits.find((v) => v.id === request.moveVisitId);
        const { entry } = await shiftVisit(db, request.moveVisitId, c.offsetDays);
        useUndoStore.getState().present(undoOffer(entry, `Moved "${visit?.title ?? 'the visit'}" to ${c.label}.`));
      } else {
        const visitId = `visit-${crypto.randomUUID()}`;
        const title = newVisitTitle(plan, used);
        const host = plan.places.find((p) => p.id === request.hostPlaceId);
        const { visit, events } = candidateToNewVisit(request, c, {
          visitId,
          title,
          guestId: request.participantIds[0]!,
          hostCountry: host?.country ?? '',
          eventId: (i) => `${visitId}-day-${i + 1}`,
        });
        const { entry } = await createVisit(db, visit, events);
        useUndoStore.getState().present(undoOffer(entry, `Created the tentative visit "${title}", ${c.label}.`));
      }
    } catch (err) {
      setActionError(failureMessage('Not applied', err));
    } finally {
      setBusy(false);
    }
  };

  const saveAsScenario = async (c: Candidate) => {
    if (!submitted?.request.moveVisitId || c.offsetDays === undefined) return;
    const visit = plan.visits.find((v) => v.id === submitted.request.moveVisitId);
    if (!visit) return;
    try {
      await repos.scenarios.put({
        id: `scenario-${crypto.randomUUID()}`,
        name: `${visit.title}: ${c.label}`,
        includeOptionalIds: includeOptional
          ? [...plan.events, ...plan.legs].filter((x) => x.optional).map((x) => x.id)
          : [],
        overrides: overridesForVisitShift(plan, [], visit.id, c.offsetDays),
        notes: c.reasons.map((r) => r.text).join('. '),
      });
      onScenarioSaved();
    } catch (err) {
      setActionError(failureMessage('Not saved', err));
    }
  };

  return (
    <div className="finder">
      <form className="finder-form" onSubmit={onSubmit} noValidate aria-label="What to look for">
        <Field label="Visit">
          {(id) => (
            <select
              id={id}
              value={form.moveVisitId}
              onChange={(e) =>
                setForm(e.target.value ? prefillForVisit(plan, e.target.value, form) : { ...form, moveVisitId: '' })
              }
            >
              <option value="">A new visit</option>
              {movableVisits(plan).map((v) => (
                <option key={v.id} value={v.id}>
                  Move: {v.title} ({v.status})
                </option>
              ))}
            </select>
          )}
        </Field>
        {!moving && (
          <Field label="Title of the new visit">
            {(id) => (
              <input
                id={id}
                value={form.title}
                placeholder={newVisitTitle(plan, { ...form, title: '' })}
                onChange={(e) => set('title', e.target.value)}
              />
            )}
          </Field>
        )}
        <ChoiceChecks
          legend="Participants (the first is the guest)"
          choices={plan.participants.map((p) => p.id)}
          describe={(id) => plan.participants.find((p) => p.id === id)?.name ?? id}
          value={form.participantIds}
          onChange={(ids) => set('participantIds', ids)}
        />
        <div className="row">
          <Field label="Host place">
            {(id) => (
              <select
                id={id}
                value={form.hostPlaceId}
                onChange={(e) => {
                  const place = plan.places.find((p) => p.id === e.target.value);
                  setForm({ ...form, hostPlaceId: e.target.value, timeZone: place?.timeZone ?? form.timeZone });
                }}
              >
                <option value="">— choose —</option>
                {placeOptions.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <ZoneSelect label="Host time zone" value={form.timeZone} onChange={(z) => set('timeZone', z)} />
        </div>
        <div className="row">
          <Field label="Search from">
            {(id) => <input id={id} type="date" value={form.from} onChange={(e) => set('from', e.target.value)} />}
          </Field>
          <Field label="to">
            {(id) => <input id={id} type="date" value={form.to} onChange={(e) => set('to', e.target.value)} />}
          </Field>
          <Field label="Days at the host">
            {(id) => (
              <input
                id={id}
                aria-describedby={moving ? 'finder-moving-note' : undefined}
                className="short"
                type="number"
                min={1}
                max={60}
                disabled={!!moving}
                value={form.lengthDays}
                onChange={(e) => set('lengthDays', e.target.value)}
              />
            )}
          </Field>
        </div>
        <div className="row">
          <TimeField
            label="Each day from"
            describedBy={moving ? 'finder-moving-note' : undefined}
            disabled={!!moving}
            value={form.dayStart}
            onChange={(v) => set('dayStart', v)}
          />
          <TimeField label="until" disabled={!!moving} value={form.dayEnd} onChange={(v) => set('dayEnd', v)} />
          <Field label="Days clear of others">
            {(id) => (
              <input
                id={id}
                className="short"
                type="number"
                min={0}
                max={60}
                value={form.minGapDays}
                onChange={(e) => set('minGapDays', e.target.value)}
              />
            )}
          </Field>
        </div>
        {moving && (
          <p id="finder-moving-note" className="note">
            Moving “{moving.title}” whole: it keeps its length and each event and leg its local times.
          </p>
        )}
        <div className="row">
          <label className="check">
            <input
              type="checkbox"
              checked={form.avoidBlackouts}
              onChange={(e) => set('avoidBlackouts', e.target.checked)}
            />
            Avoid blackouts
          </label>
          <label className="check">
            <input
              type="checkbox"
              checked={form.preferWeekdays}
              onChange={(e) => set('preferWeekdays', e.target.checked)}
            />
            Prefer weekdays
          </label>
        </div>
        <fieldset className="stack">
          <legend>In or around a window</legend>
          <Field label="Window or summit">
            {(id) => (
              <select id={id} value={form.windowItemId} onChange={(e) => set('windowItemId', e.target.value)}>
                <option value="">— none —</option>
                {windowOptions.map((w) => (
                  <option key={w.id} value={w.id}>
                    {w.label}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <div className="row">
            <Field label="Where">
              {(id) => (
                <select
                  id={id}
                  value={form.windowRelation}
                  disabled={!form.windowItemId}
                  onChange={(e) => set('windowRelation', e.target.value as FinderFormValues['windowRelation'])}
                >
                  <option value="within">within it, or up to N days outside</option>
                  <option value="before">ending at most N days before it</option>
                  <option value="after">starting at most N days after it</option>
                </select>
              )}
            </Field>
            <Field label="N days">
              {(id) => (
                <input
                  id={id}
                  className="short"
                  type="number"
                  min={0}
                  max={365}
                  disabled={!form.windowItemId}
                  value={form.windowDays}
                  onChange={(e) => set('windowDays', e.target.value)}
                />
              )}
            </Field>
          </div>
        </fieldset>
        <fieldset className="avoid-list">
          <legend>Not during</legend>
          {avoidOptions.length === 0 && <p className="muted">Nothing planned near the search range.</p>}
          {avoidOptions.map((o) => (
            <label key={o.id} className="check">
              <input
                type="checkbox"
                checked={form.avoidItemIds.includes(o.id)}
                onChange={(e) =>
                  set(
                    'avoidItemIds',
                    e.target.checked ? [...form.avoidItemIds, o.id] : form.avoidItemIds.filter((x) => x !== o.id),
                  )
                }
              />
              {o.title}
            </label>
          ))}
        </fieldset>
        <div className="actions">
          <button type="submit" className="primary">
            Find dates
          </button>
        </div>
      </form>
      <section className="finder-results" aria-labelledby="finder-results-heading">
        <h3 id="finder-results-heading">Proposed dates</h3>
        {actionError && (
          <p role="alert" className="save-error">
            {actionError}
          </p>
        )}
        <div aria-live="polite">
          {!result && <p className="muted">Choose who, where and when, then “Find dates”.</p>}
          {result && result.problems.length > 0 && (
            <ul className="problems">
              {result.problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          )}
          {result && result.problems.length === 0 && (
            <Summary result={result} moving={!!submitted?.request.moveVisitId} />
          )}
        </div>
        {result && result.candidates.length > 0 && (
          <ol className="candidates">
            {result.candidates.map((c, i) => (
              <li key={c.startDate} className="candidate" data-start={c.startDate} data-end={c.endDate}>
                <div className="candidate-head">
                  <h4>
                    <span className="rank">{i + 1}.</span> {c.label}
                  </h4>
                  <span className="score">Score {c.score}</span>
                </div>
                <ul className="reasons">
                  {c.reasons.map((r, k) => (
                    <li
                      key={k}
                      className={`reason reason-${r.points < 0 ? 'minus' : r.points > 0 ? 'plus' : 'neutral'}`}
                    >
                      <span
                        className="points"
                        aria-label={
                          r.points === 0 ? undefined : `${r.points > 0 ? 'plus' : 'minus'} ${Math.abs(r.points)} points`
                        }
                      >
                        {r.points > 0 ? `+${r.points}` : r.points < 0 ? `−${-r.points}` : '·'}
                      </span>
                      <span className="reason-text">
                        {r.text}
                        {r.detail && <span className="reason-detail">{r.detail}</span>}
                      </span>
                    </li>
                  ))}
                </ul>
                <div className="actions">
                  <button type="button" className="primary" disabled={busy} onClick={() => apply(c)}>
                    {submitted?.request.moveVisitId
                      ? `Move the visit to ${c.label}`
                      : `Create a tentative visit, ${c.label}`}
                  </button>
                  {submitted?.request.moveVisitId && (
                    <button type="button" onClick={() => saveAsScenario(c)}>
                      Save as a scenario
                    </button>
                  )}
                </div>
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}

const WHY: Record<string, (title: string) => string> = {
  during: (t) => `during ${t}`,
  'a blackout': (t) => `on ${t} (a blackout)`,
  'too close': (t) => `too close to ${t}`,
  'outside the window': (t) => `outside ${t}`,
};

function Summary({ result, moving }: { result: FinderResult; moving: boolean }) {
  const top = result.blockers.slice(0, 5);
  return (
    <div className="finder-summary">
      <p>
        {result.feasible === 0
          ? `No dates work: ${result.considered === 1 ? 'the one possible start day is' : `all ${result.considered} possible start days are`} ruled out.`
          : `${result.feasible} of ${countOf(result.considered, 'possible start day')} ${verbOf(result.feasible, 'works', 'work')}${moving ? ' for the visit moved whole' : ''}; ${result.candidates.length === 1 ? 'the best one' : `the best ${result.candidates.length}`} that ${verbOf(result.candidates.length, 'does', 'do')} not overlap ${verbOf(result.candidates.length, 'is', 'are')} below.`}
      </p>
      {top.length > 0 && (
        <>
          <p>Start days ruled out:</p>
          <ul>
            {top.map((b) => (
              <li key={`${b.itemId}-${b.why}`}>
                {b.startDays} {(WHY[b.why] ?? ((t: string) => `${b.why}: ${t}`))(b.title)}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
