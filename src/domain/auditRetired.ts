import type { AuditAction, AuditEntity } from './auditActions.ts';

// Codes older versions wrote, each with the code that took its place. Their rows stay as they
// were written (the log is keyed and chained, so rewriting them would break verification): the
// app reads such a row as its successor's, with the same label and in the same filter group.
export const RETIRED_AUDIT_ACTIONS: Readonly<Record<string, AuditAction>> = {
  // the owners' satisfaction survey, renamed ownerSurvey after the glossary (migration 0030)
  'survey.close': 'owner_survey.close',
  'survey.create': 'owner_survey.create',
  'survey.issue_links': 'owner_survey.issue_links',
  'survey.list': 'owner_survey.list',
  'survey.read': 'owner_survey.read',
  'survey.submit': 'owner_survey.submit',
};
export const RETIRED_AUDIT_ENTITIES: Readonly<Record<string, AuditEntity>> = { survey: 'owner_survey' };

/** The code an old row's action stands for today: its successor, or itself. */
export const currentAuditAction = (code: string): string => RETIRED_AUDIT_ACTIONS[code] ?? code;
export const currentAuditEntity = (entity: string): string => RETIRED_AUDIT_ENTITIES[entity] ?? entity;

/**
 * The retired codes an action filter also matches: those whose successor is the code asked,
 * or, for an area ('owner_survey.'), whose successor lies in it.
 */
export function retiredActionsMatching(filter: string): string[] {
  return Object.entries(RETIRED_AUDIT_ACTIONS)
    .filter(([, now]) => (filter.endsWith('.') ? now.startsWith(filter) : now === filter))
    .map(([old]) => old);
}

export const retiredEntitiesOf = (entity: string): string[] =>
  Object.entries(RETIRED_AUDIT_ENTITIES)
    .filter(([, now]) => now === entity)
    .map(([old]) => old);
