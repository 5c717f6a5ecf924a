// The coded values of an enterprise record: what users see (zh-CN label) and what the code
// stores (glossary identifier). One list per concept, so the import parser, the template's
// drop-down lists, the API schema and the UI all agree.

/** A coded value: the label users read and write, the code the system stores. */
export interface Choice<C extends string | boolean> {
  readonly code: C;
  readonly label: string;
  /**
   * Other spellings found in real files (older official names, the regulator's own status
   * texts). Accepted on import, never offered in drop-down lists.
   */
  readonly aliases?: readonly string[];
}

/**
 * A list of coded values that have no aliases, written `{ code: label }` in the order they are
 * offered: the many small lists of the domain read as a table instead of one object a line.
 * Codes are words, never digits, so the object keeps the order they are written in.
 */
export function choices<const L extends Record<string, string>>(labels: L): readonly Choice<keyof L & string>[] {
  return Object.entries(labels).map(([code, label]) => ({ code: code as keyof L & string, label }));
}

export const ENTERPRISE_KINDS = [
  { code: 'private', label: '私营企业' },
  { code: 'individual', label: '个体工商户', aliases: ['个体户'] },
  { code: 'foreign', label: '外商投资企业' },
  // “港澳台商投资企业” is the statistics bureau's name for the same thing.
  { code: 'hmt', label: '港澳台投资企业', aliases: ['港澳台商投资企业'] },
  { code: 'association', label: '社会团体' },
  // Renamed from 民办非企业单位 by the 2016 Charity Law; older registers still use the old name.
  {
    code: 'social_service',
    label: '社会服务机构',
    aliases: ['民办非企业单位', '民办非企业', '社会服务机构(民办非企业)'],
  },
  { code: 'foundation', label: '基金会' },
  { code: 'other', label: '其他' },
] as const satisfies readonly Choice<string>[];
export type EnterpriseKind = (typeof ENTERPRISE_KINDS)[number]['code'];

/** Social organizations (社会组织), counted by staff rather than employees in the survey scope. */
export const SOCIAL_ORGANIZATION_KINDS: readonly EnterpriseKind[] = ['association', 'social_service', 'foundation'];

/**
 * The capital classes the 年报 table 27 splits a non-public enterprise by beside its control
 * (the kind): wholly owned (私营独资 / 港澳台商独资 / 外商独资), or a privately controlled
 * enterprise with an HK/Macao/Taiwan or foreign minority investment.
 */
export const OWNERSHIPS = [
  { code: 'sole', label: '独资', aliases: ['私营独资', '港澳台商独资', '外商独资', '外资独资'] },
  { code: 'hmt_invested', label: '含港澳台商投资', aliases: ['港澳台商投资'] },
  { code: 'foreign_invested', label: '含外商投资', aliases: ['外商投资'] },
] as const satisfies readonly Choice<string>[];
export type Ownership = (typeof OWNERSHIPS)[number]['code'];

/** 中介组织类型: the professional firms the 年报 table 30 counts as social organizations. */
export const INTERMEDIARY_KINDS = choices({
  law_firm: '律师事务所',
  accounting_firm: '会计师事务所',
  tax_firm: '税务师事务所',
});
export type IntermediaryKind = (typeof INTERMEDIARY_KINDS)[number]['code'];

/** The kinds whose control is non-public (年报 table 27's three control groups). */
export const NON_PUBLIC_ENTERPRISE_KINDS: readonly EnterpriseKind[] = ['private', 'hmt', 'foreign'];

export const POLITICAL_STATUSES = [
  { code: 'member', label: '中共党员' },
  { code: 'probationary', label: '中共预备党员', aliases: ['预备党员'] },
  { code: 'league', label: '共青团员', aliases: ['团员'] },
  { code: 'democratic_party', label: '民主党派' },
  { code: 'masses', label: '群众' },
] as const satisfies readonly Choice<string>[];
export type PoliticalStatus = (typeof POLITICAL_STATUSES)[number]['code'];

export const REGISTRATION_STATUSES = [
  // The national credit-information system (国家企业信用信息公示系统) writes these long forms.
  { code: 'active', label: '存续', aliases: ['存续(在营、开业、在册)', '在册'] },
  { code: 'operating', label: '在营', aliases: ['开业'] },
  { code: 'moved_in', label: '迁入' },
  { code: 'moved_out', label: '迁出' },
  { code: 'revoked', label: '吊销', aliases: ['吊销,未注销'] },
  // Revoked and then cancelled is, for the ledger, cancelled.
  { code: 'cancelled', label: '注销', aliases: ['吊销,已注销'] },
] as const satisfies readonly Choice<string>[];
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number]['code'];

export const FORMATIONS = [
  { code: 'standalone', label: '单独组建', aliases: ['单建'] },
  { code: 'joint', label: '联合组建', aliases: ['联建'] },
] as const satisfies readonly Choice<string>[];
export type Formation = (typeof FORMATIONS)[number]['code'];

export const YES_NO = [
  { code: true, label: '是' },
  { code: false, label: '否' },
] as const satisfies readonly Choice<boolean>[];

/** The zh-CN label of a code, e.g. for error messages and exports. */
export function labelOf<C extends string | boolean>(choices: readonly Choice<C>[], code: C): string {
  const found = choices.find((c) => c.code === code);
  if (!found) throw new RangeError(`no label for code ${JSON.stringify(code)}`);
  return found.label;
}
