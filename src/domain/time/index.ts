/** The face of src/domain/time: what other code may import from it. */
export * from './time';
export * from './parse';
export * from './plan-years';
export * from './labels';
export * from './zones';
export * from './local-parts';
export * from './clock-entry';
