/** The app's one database and its repositories. */
import { createRepositories } from './repositories';
import { SummitryDb } from './schema';

export const db = new SummitryDb();
export const repos = createRepositories(db);
export { SummitryDb } from './schema';
export { loadPlan } from './repositories';
export { seedIfFirstRun, resetSamplePlan, PLAN_NAME_KEY } from './seed';
