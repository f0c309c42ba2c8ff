/** The face of src/domain/layout: what other code may import from it. */
export * from './map-layout';
export * from './timeline';
