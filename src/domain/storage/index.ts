/** The face of src/domain/storage: policies for keeping the plan safe in the browser. */
export * from './policies';
