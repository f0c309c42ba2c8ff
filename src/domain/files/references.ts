/** References from an import's records to things neither the file nor the plan holds. */
import type { Plan, TableName } from '../model';

/**
 * References from the file's records to places, participants, visits and windows found neither
 * in the file nor among `known` ids (the plan it is imported into): one sentence per record.
 */
export function findDanglingReferences(plan: Plan, known: Partial<Record<TableName, Iterable<string>>> = {}): string[] {
  const ids = (t: TableName) => new Set<string>([...plan[t].map((r) => r.id as string), ...(known[t] ?? [])]);
  const places = ids('places');
  const people = ids('participants');
  const visits = ids('visits');
  const windows = ids('windows');
  const out: string[] = [];
  const check = (label: string, refs: [what: string, id: string | undefined, set: Set<string>][]) => {
    const missing = refs
      .filter(([, id, set]) => id !== undefined && !set.has(id))
      .map(([what, id]) => `${what} "${id}"`);
    if (missing.length)
      out.push(
        `${label} refers to ${missing.join(', ')}, which ${missing.length === 1 ? 'is' : 'are'} not in the file or the plan.`,
      );
  };
  const many = (what: string, list: readonly string[], set: Set<string>) =>
    list.map((id) => [what, id, set] as [string, string, Set<string>]);
  for (const e of plan.events)
    check(`Event "${e.title}"`, [
      ['place', e.placeId, places],
      ['visit', e.visitId, visits],
      ['window', e.windowId, windows],
      ...many('participant', e.participantIds, people),
    ]);
  for (const l of plan.legs)
    check(`Leg ${l.id}`, [
      ['place', l.fromPlaceId, places],
      ['place', l.toPlaceId, places],
      ['visit', l.visitId, visits],
      ...many('participant', l.participantIds, people),
    ]);
  for (const v of plan.visits)
    check(`Visit "${v.title}"`, [
      ['participant', v.guestId, people],
      ['window', v.windowId, windows],
      ...many('participant', v.participantIds, people),
    ]);
  for (const w of plan.windows)
    check(`Window "${w.title}"`, [['place', w.placeId, places], ...many('participant', w.participantIds, people)]);
  for (const p of plan.places) check(`Place "${p.name}"`, [['city', p.cityId, places]]);
  return out;
}
