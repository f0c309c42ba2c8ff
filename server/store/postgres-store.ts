/**
 * Postgres as the store for an office (several server processes, with Redis between them).
 * Two tables, created if missing; every change is one transaction that locks the plan's row, so
 * processes merge instead of overwriting each other. Rows hold only ciphertext and public keys.
 */
import pg from 'pg';
import * as Y from 'yjs';
import type { Claim, Signed } from '../../src/sync/protocol';
import { EMPTY_META, type PlanMeta, type PlanStore } from './types';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS summitry_documents (name text PRIMARY KEY, state bytea NOT NULL, stored_at timestamptz NOT NULL DEFAULT now());
CREATE TABLE IF NOT EXISTS summitry_plans (name text PRIMARY KEY, version integer NOT NULL, membership jsonb NOT NULL, claims jsonb NOT NULL DEFAULT '[]');
`;

export class PostgresStore implements PlanStore {
  private constructor(private readonly pool: pg.Pool) {}

  static async open(connectionString: string): Promise<PostgresStore> {
    const pool = new pg.Pool({ connectionString, max: 5 });
    await pool.query(SCHEMA);
    return new PostgresStore(pool);
  }

  private async transaction<T>(task: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await task(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
  }

  async loadDocument(name: string): Promise<Uint8Array | null> {
    const { rows } = await this.pool.query<{ state: Buffer }>('SELECT state FROM summitry_documents WHERE name = $1', [
      name,
    ]);
    return rows[0] ? new Uint8Array(rows[0].state) : null;
  }

  storeDocument(name: string, state: Uint8Array): Promise<void> {
    return this.transaction(async (client) => {
      await client.query('INSERT INTO summitry_documents (name, state) VALUES ($1, $2) ON CONFLICT DO NOTHING', [
        name,
        Buffer.from(state),
      ]);
      const { rows } = await client.query<{ state: Buffer }>(
        'SELECT state FROM summitry_documents WHERE name = $1 FOR UPDATE',
        [name],
      );
      const merged = Y.mergeUpdates([new Uint8Array(rows[0]!.state), state]);
      await client.query('UPDATE summitry_documents SET state = $2, stored_at = now() WHERE name = $1', [
        name,
        Buffer.from(merged),
      ]);
    });
  }

  async loadMeta(name: string): Promise<PlanMeta> {
    const { rows } = await this.pool.query<{ version: number; membership: Signed; claims: PlanMeta['claims'] }>(
      'SELECT version, membership, claims FROM summitry_plans WHERE name = $1',
      [name],
    );
    const row = rows[0];
    return row
      ? { version: row.version, membership: row.membership, claims: row.claims }
      : { ...EMPTY_META, claims: [] };
  }

  async storeMembership(name: string, membership: Signed, version: number): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      `INSERT INTO summitry_plans (name, version, membership) VALUES ($1, $2, $3)
       ON CONFLICT (name) DO UPDATE SET version = EXCLUDED.version, membership = EXCLUDED.membership
       WHERE summitry_plans.version < EXCLUDED.version`,
      [name, version, JSON.stringify(membership)],
    );
    return (rowCount ?? 0) > 0;
  }

  async addClaim(name: string, inviteId: string, claim: Claim): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      `UPDATE summitry_plans SET claims = claims || jsonb_build_array($2::jsonb)
       WHERE name = $1 AND NOT claims @> jsonb_build_array(jsonb_build_object('inviteId', $3::text))`,
      [name, JSON.stringify({ inviteId, claim }), inviteId],
    );
    return (rowCount ?? 0) > 0;
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
