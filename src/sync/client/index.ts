/** The sync client: a shared plan's encrypted Yjs document bridged to the plan's tables. */
export * from './bridge';
export * from './context';
export * from '../../db/sync-store';
