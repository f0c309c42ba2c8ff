/**
 * Loads a plan's document from the store and stores it after each change (the server's debounce),
 * then tells every client (through Redis, every process's clients) the state vector it stored,
 * so "saved on the server" means durably stored. A client that connects is told at once what is
 * stored so far (a viewer, who never writes, would otherwise never hear it). It runs before the
 * Redis extension's lock: each process stores what it holds, and the store merges.
 */
import type {
  Extension,
  afterUnloadDocumentPayload,
  connectedPayload,
  onLoadDocumentPayload,
  onStoreDocumentPayload,
} from '@hocuspocus/server';
import * as Y from 'yjs';
import { type ServerMessage, toB64u } from '../src/sync/protocol';
import type { PlanStore } from './store/types';

const storedMessage = (stateVector: Uint8Array) =>
  JSON.stringify({ type: 'stored', stateVector: toB64u(stateVector) } satisfies ServerMessage);

export class Persistence implements Extension {
  extensionName = 'summitry-persistence';
  priority = 2000;
  /** The state vector last loaded from or written to the store, per plan held in memory. */
  private readonly stored = new Map<string, Uint8Array>();

  constructor(private readonly store: PlanStore) {}

  async onLoadDocument({ document, documentName }: onLoadDocumentPayload): Promise<void> {
    const state = await this.store.loadDocument(documentName);
    if (!state) return;
    this.stored.set(documentName, Y.encodeStateVectorFromUpdate(state));
    Y.applyUpdate(document, state);
  }

  async onStoreDocument({ document, documentName }: onStoreDocumentPayload): Promise<void> {
    const state = Y.encodeStateAsUpdate(document);
    const stateVector = Y.encodeStateVector(document);
    await this.store.storeDocument(documentName, state);
    this.stored.set(documentName, stateVector);
    document.broadcastStateless(storedMessage(stateVector));
  }

  async connected({ connection, documentName }: connectedPayload): Promise<void> {
    const stateVector = this.stored.get(documentName);
    if (stateVector) connection.sendStateless(storedMessage(stateVector));
  }

  async afterUnloadDocument({ documentName }: afterUnloadDocumentPayload): Promise<void> {
    this.stored.delete(documentName);
  }
}
