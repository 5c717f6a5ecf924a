import path from 'node:path';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** PostgreSQL connection string; when absent the embedded PGlite database in dataDir is used. */
  databaseUrl: string | undefined;
  /** Region of the first administrator; the whole country when absent. */
  region: string | undefined;
  /** Set when the app is served behind HTTPS, so cookies get the Secure attribute. */
  secureCookies: boolean;
  /** Largest accepted upload, in bytes. */
  maxUploadBytes: number;
  /** Province prefixes (e.g. ['42']) whose regions are loaded; all of China when absent. */
  provinces: string[] | undefined;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '127.0.0.1',
    dataDir: path.resolve(env.DANGJIAN_DATA_DIR ?? './data'),
    databaseUrl: env.DATABASE_URL || undefined,
    region: env.DANGJIAN_REGION || undefined,
    secureCookies: env.DANGJIAN_SECURE_COOKIES === '1',
    maxUploadBytes: Number(env.DANGJIAN_MAX_UPLOAD_MB ?? 50) * 1024 * 1024,
    provinces: env.DANGJIAN_PROVINCES ? env.DANGJIAN_PROVINCES.split(',').map((p) => p.trim().slice(0, 2)) : undefined,
  };
}
