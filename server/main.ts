/**
 * `npm run server`: the sync server for shared plans. Flags override the environment:
 *   --host (SUMMITRY_HOST, default 127.0.0.1)   --port (SUMMITRY_PORT, default 4455; 0 picks one)
 *   --data (SUMMITRY_DATA, default ./summitry-data)   --postgres (SUMMITRY_POSTGRES_URL)
 *   --redis (SUMMITRY_REDIS_URL, e.g. redis://127.0.0.1:6379)
 * It prints one line `summitry-sync listening on ws://HOST:PORT` once it accepts connections.
 */
import { parseArgs } from 'node:util';
import { startSyncServer } from './server';

const { values } = parseArgs({
  options: {
    host: { type: 'string' },
    port: { type: 'string' },
    data: { type: 'string' },
    postgres: { type: 'string' },
    redis: { type: 'string' },
  },
});
const env = process.env;
const server = await startSyncServer({
  host: values.host ?? env.SUMMITRY_HOST ?? '127.0.0.1',
  port: Number(values.port ?? env.SUMMITRY_PORT ?? 4455),
  dataDir: values.data ?? env.SUMMITRY_DATA ?? 'summitry-data',
  postgresUrl: values.postgres ?? env.SUMMITRY_POSTGRES_URL,
  redisUrl: values.redis ?? env.SUMMITRY_REDIS_URL,
});
console.log(`summitry-sync listening on ${server.url}`);
const stop = () => void server.stop().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
