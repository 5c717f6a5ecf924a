// The coded values of appraisals and engagement (glossary "Organisational life and
// achievements"; rules.md §11). Labels live in the web's i18n files and in the messages here.

/** 分类定级: 先进 / 一般 / 后进. */
export const ORG_GRADES = ['advanced', 'ordinary', 'lagging'] as const;
export type OrgGrade = (typeof ORG_GRADES)[number];
export const ORG_GRADE_LABEL: Record<OrgGrade, string> = { advanced: '先进', ordinary: '一般', lagging: '后进' };

/** Titles an org may be given with its yearly appraisal: 四强党组织, 五好党支部. */
export const ORG_TITLES = ['four_strong', 'five_good'] as const;
export type OrgTitle = (typeof ORG_TITLES)[number];

/** 民主评议 results. */
export const MEMBER_RESULTS = ['excellent', 'qualified', 'basically_qualified', 'unqualified'] as const;
export type MemberResult = (typeof MEMBER_RESULTS)[number];
export const MEMBER_RESULT_LABEL: Record<MemberResult, string> = {
  excellent: '优秀',
  qualified: '合格',
  basically_qualified: '基本合格',
  unqualified: '不合格',
};

/**
 * The follow-up of a 基本合格 or 不合格 result: education (教育帮助), a deadline to correct
 * (限期改正), or the disposals the party's rules provide for 不合格 (劝其退党, 除名).
 */
export const FOLLOW_UPS = ['education', 'correct_by', 'persuade_withdraw', 'removal'] as const;
export type FollowUp = (typeof FOLLOW_UPS)[number];
export const FOLLOW_UP_LABEL: Record<FollowUp, string> = {
  education: '教育帮助',
  correct_by: '限期改正',
  persuade_withdraw: '劝其退党',
  removal: '除名',
};

/**
 * What an owner engagement record is (document 001): a regular communication with the org,
 * support given (活动时间, 场地, 经费), 三争一创 participation, the owner's application to join
 * the party, the owner's request to set up an org in the enterprise.
 */
export const ENGAGEMENT_KINDS = ['communication', 'support', 'campaign', 'application', 'org_request'] as const;
export type EngagementKind = (typeof ENGAGEMENT_KINDS)[number];

/** Who an org pairs with (结对共建): another org, or a village or community (村企共建) named. */
export const PARTNER_KINDS = ['org', 'village', 'community'] as const;
export type PartnerKind = (typeof PARTNER_KINDS)[number];
