/**
 * The plan switcher (header → Plans): every plan with its item count; open, rename, duplicate or
 * delete one (after a confirmation, with Undo); make a new empty plan or open the sample plan as
 * one more; restore a deleted plan. Each change is one command with its History entry.
 */
import { useState } from 'react';
import { Dialog } from '../../components/Dialog';
import { db, failureMessage } from '../../db';
import type { CommandResult } from '../../db/commands';
import {
  createPlan,
  deletePlan,
  duplicatePlan,
  openSampleAsPlan,
  renamePlan,
  restorePlan,
  switchPlan,
} from '../../db/plans';
import { undoOffer } from '../../db/undo-offer';
import { countOf } from '../../domain/model';
import { useUiStore } from '../../store/ui-store';
import { useUndoStore } from '../../store/undo-store';
import { usePlans, type PlanRow } from './use-plans';
import './plans.css';

const quoted = (name: string) => `‘${name}’`;

type Act = (what: string, run: () => Promise<CommandResult | void>, said?: string, switched?: boolean) => void;

function useAct(showOpenPlan: () => void): { act: Act; busy: boolean; problem: string | null } {
  const present = useUndoStore((s) => s.present);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const act: Act = (what, run, said, switched = true) => {
    setBusy(true);
    setProblem(null);
    run()
      .then((result) => {
        if (switched) showOpenPlan();
        if (result) present(undoOffer(result.entry, said));
      })
      .catch((err: unknown) => setProblem(failureMessage(what, err)))
      .finally(() => setBusy(false));
  };
  return { act, busy, problem };
}

function RenameForm({ row, act, done }: { row: PlanRow; act: Act; done: () => void }) {
  const [name, setName] = useState(row.plan.name);
  return (
    <form
      className="plan-rename"
      onSubmit={(e) => {
        e.preventDefault();
        act('Could not rename the plan', () => renamePlan(db, row.plan.id, name), undefined, false);
        done();
      }}
    >
      <label>
        New name for {quoted(row.plan.name)}
        <input value={name} onChange={(e) => setName(e.target.value)} maxLength={300} required />
      </label>
      <button type="submit" className="primary">
        Save name
      </button>
      <button type="button" onClick={done}>
        Cancel
      </button>
    </form>
  );
}

function ConfirmDelete({ row, act, done }: { row: PlanRow; act: Act; done: () => void }) {
  const name = quoted(row.plan.name);
  return (
    <div className="plan-confirm" role="group" aria-label={`Delete ${name}?`}>
      <p>
        Delete {name} and its {countOf(row.items, 'item')}? They disappear from Summitry; Undo, or Restore under
        “Deleted plans”, brings the plan back whole.
      </p>
      <button type="button" onClick={done}>
        Keep it
      </button>
      <button
        type="button"
        className="danger"
        onClick={() => {
          done();
          act('Could not delete the plan', () => deletePlan(db, row.plan.id), `Deleted the plan ${name}.`);
        }}
      >
        Delete {name}
      </button>
    </div>
  );
}

function PlanItem({ row, act, busy, only }: { row: PlanRow; act: Act; busy: boolean; only: boolean }) {
  const [mode, setMode] = useState<'view' | 'rename' | 'delete'>('view');
  const { plan } = row;
  const name = quoted(plan.name);
  return (
    <li className={row.open ? 'plan-item open' : 'plan-item'} aria-current={row.open ? 'true' : undefined}>
      <div className="plan-item-head">
        <span className="plan-item-name">{plan.name}</span>
        {row.open && <span className="plan-open-pill">Open now</span>}
        <span className="plan-item-meta">
          {countOf(row.visits, 'visit')} · {countOf(row.items, 'item')} · made {plan.createdAt.slice(0, 10)}
        </span>
      </div>
      {mode === 'rename' && <RenameForm row={row} act={act} done={() => setMode('view')} />}
      {mode === 'delete' && <ConfirmDelete row={row} act={act} done={() => setMode('view')} />}
      {mode === 'view' && (
        <div className="plan-item-actions">
          {!row.open && (
            <button
              type="button"
              className="primary"
              disabled={busy}
              aria-label={`Open ${name}`}
              onClick={() => act('Could not open the plan', () => switchPlan(db, plan.id))}
            >
              Open
            </button>
          )}
          <button type="button" disabled={busy} aria-label={`Rename ${name}`} onClick={() => setMode('rename')}>
            Rename
          </button>
          <button
            type="button"
            disabled={busy}
            aria-label={`Duplicate ${name}`}
            onClick={() =>
              act(
                'Could not duplicate the plan',
                () => duplicatePlan(db, plan.id),
                `Made a copy of ${name} and opened it.`,
              )
            }
          >
            Duplicate
          </button>
          <button
            type="button"
            className="danger"
            disabled={busy || only}
            title={only ? 'The only plan cannot be deleted: make another first.' : undefined}
            aria-label={`Delete ${name}`}
            onClick={() => setMode('delete')}
          >
            Delete
          </button>
        </div>
      )}
    </li>
  );
}

function NewPlan({ act, busy }: { act: Act; busy: boolean }) {
  const [name, setName] = useState('');
  return (
    <form
      className="plan-new"
      onSubmit={(e) => {
        e.preventDefault();
        act('Could not make the plan', () => createPlan(db, name), undefined);
        setName('');
      }}
    >
      <label>
        Name of a new plan
        <input value={name} onChange={(e) => setName(e.target.value)} maxLength={300} placeholder="New plan" />
      </label>
      <button type="submit" className="primary" disabled={busy}>
        New empty plan
      </button>
      <button
        type="button"
        disabled={busy}
        onClick={() =>
          act('Could not open the sample plan', () => openSampleAsPlan(db), 'Opened the sample plan as a new plan.')
        }
      >
        Open the sample plan as a new plan
      </button>
    </form>
  );
}

/**
 * `onSwitched`: after another plan opens, show it (the app shell drops the panels and items of
 * the plan left behind).
 */
export function PlansDialog({ onClose, onSwitched }: { onClose: () => void; onSwitched: () => void }) {
  const plans = usePlans();
  const { act, busy, problem } = useAct(() => {
    useUiStore.getState().closeEditor();
    onSwitched();
  });
  return (
    <Dialog title="Plans" onClose={onClose}>
      <p className="plans-hint">
        Each plan keeps its own items, history and files (exports and imports work on the open plan).
      </p>
      {problem && (
        <p role="alert" className="save-error">
          {problem}
        </p>
      )}
      {!plans ? (
        <p role="status">Loading the plans…</p>
      ) : (
        <ul className="plan-list" aria-label="Plans">
          {plans.live.map((row) => (
            <PlanItem key={row.plan.id} row={row} act={act} busy={busy} only={plans.live.length === 1} />
          ))}
        </ul>
      )}
      <NewPlan act={act} busy={busy} />
      {plans && plans.deleted.length > 0 && (
        <details className="plans-deleted">
          <summary>Deleted plans ({plans.deleted.length})</summary>
          <ul>
            {plans.deleted.map((p) => (
              <li key={p.id}>
                <span>
                  {p.name} <span className="plan-item-meta">deleted {p.deletedAt!.slice(0, 10)}</span>
                </span>
                <button
                  type="button"
                  disabled={busy}
                  aria-label={`Restore ${quoted(p.name)}`}
                  onClick={() =>
                    act(
                      'Could not restore the plan',
                      () => restorePlan(db, p.id),
                      `Restored the plan ${quoted(p.name)}.`,
                    )
                  }
                >
                  Restore
                </button>
              </li>
            ))}
          </ul>
        </details>
      )}
      <div className="actions">
        <span className="spacer" />
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}

/** The header's Plans button: names the open plan's place among others and opens the switcher. */
export function PlansButton({ onSwitched }: { onSwitched: () => void }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="plans-button" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        Plans
      </button>
      {open && <PlansDialog onClose={() => setOpen(false)} onSwitched={onSwitched} />}
    </>
  );
}
