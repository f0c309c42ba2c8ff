/** Sync conflicts as rows: how each is named, and what each side of one holds. */
import type { ConflictRow, ConflictSide } from '../../db/sync-store';
import type { OpenField } from './fields';

export function sideOf(f: Pick<OpenField, 'value' | 'meta'>): ConflictSide {
  return { value: f.meta.x ? null : f.value, by: f.meta.b, at: f.meta.t };
}

export function fieldConflict(
  planId: string,
  at: { table: string; id: string; title: string },
  kept: Pick<OpenField, 'field' | 'value' | 'meta'>,
  lost: Pick<OpenField, 'value' | 'meta'>,
): ConflictRow {
  return {
    id: `${at.table}/${at.id}/${kept.field}/${lost.meta.i}`,
    planId,
    kind: 'field',
    table: at.table,
    recordId: at.id,
    title: at.title,
    field: kept.field,
    kept: sideOf(kept),
    lost: sideOf(lost),
  };
}

/** A deletion that raced edits: the plan keeps the deletion; the lost side holds the edited fields. */
export function deleteConflict(
  planId: string,
  at: { table: string; id: string; title: string },
  marker: Pick<OpenField, 'meta'>,
  edits: readonly OpenField[],
): ConflictRow {
  const newest = edits.reduce((a, f) => (f.meta.t > a.meta.t ? f : a), edits[0]!);
  return {
    id: `${at.table}/${at.id}/~deleted/${marker.meta.i}`,
    planId,
    kind: 'delete',
    table: at.table,
    recordId: at.id,
    title: at.title,
    field: '~deleted',
    kept: { value: null, by: marker.meta.b, at: marker.meta.t },
    lost: {
      value: Object.fromEntries(edits.map((f) => [f.field, f.meta.x ? null : f.value])),
      by: newest.meta.b,
      at: newest.meta.t,
    },
  };
}
