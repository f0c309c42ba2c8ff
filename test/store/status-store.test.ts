import { beforeEach, describe, expect, it, vi } from 'vitest';
import { initialStatusState, useStatusStore } from '../../src/store/status-store';
import { initialUiState, useUiStore } from '../../src/store/ui-store';

beforeEach(() => {
  useUiStore.setState(initialUiState());
  useStatusStore.setState(initialStatusState());
});

describe('status store: reloads wait for the editor', () => {
  it('reloads at once when no edit is open', () => {
    const reload = vi.fn();
    useStatusStore.getState().requestReload(reload);
    expect(reload).toHaveBeenCalledTimes(1);
    expect(useStatusStore.getState().pendingReload).toBeNull();
  });

  it('never reloads while an edit is open; reloads once the editor closes', () => {
    const reload = vi.fn();
    useUiStore.getState().openEditor({ mode: 'edit', type: 'event', id: 'busan-summit-2025' });
    useStatusStore.getState().requestReload(reload);
    expect(reload).not.toHaveBeenCalled();
    expect(useStatusStore.getState().pendingReload).toBe(reload);
    useUiStore.getState().openEditor({ mode: 'new' });
    expect(reload).not.toHaveBeenCalled();
    useUiStore.getState().closeEditor();
    expect(reload).toHaveBeenCalledTimes(1);
    expect(useStatusStore.getState().pendingReload).toBeNull();
    useUiStore.getState().openEditor({ mode: 'new' });
    useUiStore.getState().closeEditor();
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('keeps the new-version offer and its action together', () => {
    const apply = vi.fn();
    useStatusStore.getState().setUpdate('ready', apply);
    expect(useStatusStore.getState()).toMatchObject({ update: 'ready', applyUpdate: apply });
    useStatusStore.getState().setUpdate('elsewhere');
    expect(useStatusStore.getState()).toMatchObject({ update: 'elsewhere', applyUpdate: apply });
  });
});
