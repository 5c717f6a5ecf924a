import path from 'node:path';
import { DEFAULT_PGLITE_SHARED_BUFFERS_MB } from './db/client.ts';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** PostgreSQL connection string; when absent the embedded PGlite database in dataDir is used. */
  databaseUrl: string | undefined;
  /**
   * The region this deployment serves, when the start names it (DANGJIAN_REGION, or
   * `serve --region`): the first administrators' region, and no one is asked for it.
   * Absent: the system administrator chooses it at the end of the first login.
   */
  region: string | undefined;
  /** Where `region` came from, for the audit row. */
  regionSource: 'env' | 'command';
  /** Set when the app is served behind HTTPS, so cookies get the Secure attribute. */
  secureCookies: boolean;
  /** Largest accepted upload, in bytes. */
  maxUploadBytes: number;
  /** Days an uploaded file is kept (encrypted) after its batch ends, for the error report; 0 removes it at the next sweep. */
  importRetentionDays: number;
  /** Province prefixes (e.g. ['42']) whose regions are loaded; all of China when absent. */
  provinces: string[] | undefined;
  /**
   * Addresses or CIDR ranges of the reverse proxies in front of the app: only a request from
   * one of them has its X-Forwarded-For believed. Empty: the peer address is the client.
   */
  trustedProxies: string[];
  /** API requests served at once; the database work of more would only queue inside it. */
  maxConcurrent: number;
  /** Requests that may wait for a turn; beyond it the answer is 503 with Retry-After. */
  maxQueued: number;
  /** Longest wait for a turn before a 503, in milliseconds. */
  queueWaitMs: number;
  /** Longest statement of a request's transaction before it is cancelled (0: no limit), in milliseconds. */
  statementTimeoutMs: number;
  /** PGlite's shared_buffers in MB (resident for the process's life). */
  pgliteSharedBuffersMb: number;
}

const int = (value: string | undefined, fallback: number) => {
  const n = value === undefined || value === '' ? fallback : Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`配置项应为非负整数：${value}`);
  return n;
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '127.0.0.1',
    dataDir: path.resolve(env.DANGJIAN_DATA_DIR ?? './data'),
    databaseUrl: env.DATABASE_URL || undefined,
    region: env.DANGJIAN_REGION || undefined,
    regionSource: 'env',
    secureCookies: env.DANGJIAN_SECURE_COOKIES === '1',
    maxUploadBytes: Number(env.DANGJIAN_MAX_UPLOAD_MB ?? 50) * 1024 * 1024,
    importRetentionDays: Number(env.DANGJIAN_IMPORT_RETENTION_DAYS ?? 7),
    provinces: env.DANGJIAN_PROVINCES ? env.DANGJIAN_PROVINCES.split(',').map((p) => p.trim().slice(0, 2)) : undefined,
    trustedProxies: (env.DANGJIAN_TRUSTED_PROXIES ?? '')
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean),
    // PGlite runs one statement at a time, so a second request only overlaps its JSON work
    // with the first's query; PostgreSQL's pool holds 10 connections.
    maxConcurrent: Math.max(1, int(env.DANGJIAN_MAX_CONCURRENT, env.DATABASE_URL ? 10 : 2)),
    maxQueued: int(env.DANGJIAN_MAX_QUEUED, 64),
    queueWaitMs: int(env.DANGJIAN_QUEUE_WAIT_MS, 10_000),
    statementTimeoutMs: int(env.DANGJIAN_STATEMENT_TIMEOUT_MS, 30_000),
    pgliteSharedBuffersMb: Math.max(1, int(env.DANGJIAN_PGLITE_BUFFERS_MB, DEFAULT_PGLITE_SHARED_BUFFERS_MB)),
  };
}
