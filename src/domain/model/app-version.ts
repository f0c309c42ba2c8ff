/** The version written into backups and calendar files (from package.json; only this field is bundled). */
import { version } from '../../../package.json';

export const APP_VERSION: string = version;
