/** The face of src/domain/planning: what other code may import from it. */
export * from './date-finder';
export * from './itinerary';
export * from './range-check';
export * from './scenarios';
export * from './visit-shift';
export * from './whereabouts';
export * from './itinerary-types';
export * from './route-helpers';
