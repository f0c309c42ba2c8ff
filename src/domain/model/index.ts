/** The face of src/domain/model: what other code may import from it. */
export * from './app-version';
export * from './labels';
export * from './model';
export * from './plan-items';
export * from './validate';
export * from './words';
export * from './plan-copy';
