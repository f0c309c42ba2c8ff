/** The face of src/domain/files: what other code may import from it. */
export * from './backup';
export * from './envelope';
export * from './ics';
export * from './merge';
export * from './restore';

export * from './windows-zones';
