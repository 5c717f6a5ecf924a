import { Link } from 'react-router';
import type { AuditItem } from '../../api/types.ts';
import { useI18n } from '../../i18n/index.tsx';
import { entityLabel, objectPage } from './actions.ts';

/**
 * What an audit row acted on: its type in the user's language and its name where the server
 * could read one (a region by its name, an enterprise, org or person by theirs), else its
 * number; a link where the object has a page.
 */
export function AuditObject({ row }: { row: Pick<AuditItem, 'entity' | 'entityId' | 'entityName'> }) {
  const { lang, t, has } = useI18n();
  const { entity, entityId, entityName } = row;
  if (!entity) return null;
  const type = entityLabel(entity, lang);
  const named = (key: string) => (has(key) ? t(key) : null);
  let what: string | null = entityName;
  if (entity === 'settings' && entityId) {
    const kind = named(`audit.settings.${entityId.split(':')[0]}`);
    what = [kind, entityName].filter(Boolean).join(' · ') || null;
  } else if (entity === 'report' && entityId) {
    what = named(`audit.report.${entityId}`);
  }
  // An object the reader cannot see by name (gone, or outside their scope) keeps its number.
  const text = what ?? (entityId ? `${type} ${entityId}` : type);
  const shown = what ? `${type} · ${what}` : text;
  const page = objectPage(entity, entityId);
  return page ? (
    <Link to={page} title={t('audit.object.link', { type })}>
      {shown}
    </Link>
  ) : (
    shown
  );
}
