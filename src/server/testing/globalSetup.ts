// Vitest's global setup (vitest.config.ts): once per `vitest run`, before any test file, the
// migrated databases every file copies (template.ts); removed again when the run ends.
import type { TestProject } from 'vitest/node';
import { buildTemplates } from './template.ts';

export default async function setup(project: TestProject) {
  const { templates, remove } = await buildTemplates();
  project.provide('databaseTemplates', templates);
  return remove;
}
