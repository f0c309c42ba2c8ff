/** The records: one file per stored record type, and the registry of them all. */
export * from './acceptance';
export * from './clean';
export * from './event';
export * from './fields';
export * from './history-entry';
export * from './leg';
export * from './participant';
export * from './place';
export * from './plan';
export * from './registry';
export * from './scenario';
export type { RecordSpec } from './spec';
export * from './tombstone';
export * from './visit';
export * from './window';
