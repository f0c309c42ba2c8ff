/** The face of src/domain/sample: what other code may import from it. */
export * from './sample-plan';
