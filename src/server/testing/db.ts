import { inject } from 'vitest';
import type { Database } from '../db/client.ts';
import { openPgliteCopy, openPostgresCopy, type Templates } from './template.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Built by globalSetup.ts before any test file runs. */
    databaseTemplates: Templates;
  }
}

/** The templates of this run; every test file starts from one instead of migrating. */
export function databaseTemplates(): Templates {
  const templates = inject('databaseTemplates');
  if (!templates) throw new Error('没有测试数据库模板：请通过 vitest.config.ts 运行测试（其全局设置会创建模板）');
  return templates;
}

/**
 * A fresh, migrated database for one test file: an in-memory PGlite loaded from the run's
 * template by default, or, with TEST_DATABASE_URL, a new database on that PostgreSQL server
 * copied from the run's template database and dropped again on close.
 */
export async function testDatabase(): Promise<Database> {
  const templates = databaseTemplates();
  return templates.postgresql ? openPostgresCopy(templates.postgresql) : openPgliteCopy(templates.pglite);
}
