/** Nothing to start for every file: each test starts its own servers (and Redis when it needs it). */
export default function setup(): void {}
