/** The write path's clock: the current instant as a UTC ISO string (tests pass a fixed one). */
export type Clock = () => string;
export const systemClock: Clock = () => new Date().toISOString();
