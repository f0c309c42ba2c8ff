/** The face of src/domain/files: what other code may import from it. */
export * from './backup';
export * from './envelope';
export * from './ics';
export * from './ics-ids';
export * from './ics-read';
export * from './ics-write';
export * from './merge';
export * from './references';
export * from './restore';
export * from './restore-calendar';
export * from './restore-common';
export * from './steps';

export * from './windows-zones';
