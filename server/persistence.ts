/**
 * Loads a plan's document from the store and stores it after each change (the server's debounce),
 * then tells every client (through Redis, every process's clients) the state vector it stored,
 * so "saved on the server" means durably stored. It runs before the Redis extension's lock: each
 * process stores what it holds, and the store merges.
 */
import type { Extension, onLoadDocumentPayload, onStoreDocumentPayload } from '@hocuspocus/server';
import * as Y from 'yjs';
import { type ServerMessage, toB64u } from '../src/sync/protocol';
import type { PlanStore } from './store/types';

export class Persistence implements Extension {
  extensionName = 'summitry-persistence';
  priority = 2000;

  constructor(private readonly store: PlanStore) {}

  async onLoadDocument({ document, documentName }: onLoadDocumentPayload): Promise<void> {
    const state = await this.store.loadDocument(documentName);
    if (state) Y.applyUpdate(document, state);
  }

  async onStoreDocument({ document, documentName }: onStoreDocumentPayload): Promise<void> {
    const state = Y.encodeStateAsUpdate(document);
    const stateVector = Y.encodeStateVector(document);
    await this.store.storeDocument(documentName, state);
    const message: ServerMessage = { type: 'stored', stateVector: toB64u(stateVector) };
    document.broadcastStateless(JSON.stringify(message));
  }
}
