import { AUDIT_ACTIONS, AUDIT_AREAS, auditArea } from '../../../domain/auditActions.ts';
import { auditActionLabel, auditAreaLabel, auditEntityLabel } from '../../../domain/auditLabels.ts';
import { currentAuditEntity } from '../../../domain/auditRetired.ts';
import type { Lang, Translate } from '../../i18n/index.tsx';

export const actionLabel = (code: string, lang: Lang) => auditActionLabel(code, lang);
export const entityLabel = (entity: string, lang: Lang) => auditEntityLabel(entity, lang);

/**
 * The action filter's choices: every action the server can write, grouped by area, each
 * group led by the whole area (a value ending in '.', which the server matches as a prefix).
 */
export function actionOptions(lang: Lang, t: Translate) {
  return AUDIT_AREAS.map((area) => {
    const label = auditAreaLabel(area, lang);
    return {
      label,
      title: label,
      options: [
        { value: `${area}.`, label: t('audit.areaAll', { area: label }) },
        ...AUDIT_ACTIONS.filter((a) => auditArea(a) === area).map((a) => ({ value: a, label: actionLabel(a, lang) })),
      ],
    };
  });
}

/** Where an object of the audit log opens in the app, for the types that have a page. */
const PAGES: Record<string, (id: string) => string> = {
  enterprise: (id) => `/ledger/${id}`,
  party_org: (id) => `/orgs/${id}`,
  member: (id) => `/members/${id}`,
  development: (id) => `/developments/${id}`,
  instructor: (id) => `/instructors/${id}`,
  pool_secretary: (id) => `/secretary-pool/${id}`,
  request: (id) => `/casework/requests/${id}`,
  owner_survey: (id) => `/assessments/owner-surveys/${id}`,
};

export const objectPage = (entity: string, id: string | null) =>
  id !== null && /^\d+$/.test(id) ? PAGES[currentAuditEntity(entity)]?.(id) : undefined;
