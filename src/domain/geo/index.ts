/** The face of src/domain/geo: what other code may import from it. */
export * from './geo';
export * from './gazetteer';
