import type { MessageKey, Translate } from '../../i18n/index.tsx';

/** The audit action codes the filter offers; prefixes ending in '.' match a whole area. */
export const ACTION_GROUPS = ['auth.', 'user.', 'enterprise.', 'org.', 'system.'] as const;
export const ACTIONS = [
  'auth.login',
  'auth.logout',
  'auth.password_ok',
  'auth.totp',
  'auth.lockout',
  'user.create',
  'user.update',
  'user.disable',
  'user.enable',
  'user.reset_password',
  'user.set_roles',
  'user.unlock',
  'user.reset_totp',
  'user.change_password',
  'user.totp_enrol',
  'user.list',
  'enterprise.import',
  'enterprise.import_discard',
  'enterprise.update',
  'enterprise.export',
  'enterprise.template',
  'org.create',
  'org.update',
  'org.dissolve',
  'org.coverage_add',
  'org.coverage_end',
  'org.officer_add',
  'org.officer_end',
  'org.election',
  'org.term_adjust',
  'settings.security',
  'audit.export',
  'audit.read',
  'dashboard.read',
] as const;

/** An action code in the user's language; an unknown code is shown as it is. */
export function actionLabel(code: string, t: Translate, has: (key: string) => key is MessageKey): string {
  const key = `audit.action.${code}`;
  if (has(key)) return t(key);
  if (code.startsWith('system.')) return t('audit.action.system', { code });
  return code;
}

export function entityLabel(entity: string, t: Translate, has: (key: string) => key is MessageKey): string {
  const key = `audit.entity.${entity}`;
  return has(key) ? t(key) : entity;
}
