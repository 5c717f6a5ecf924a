// The coded values of party organizations and members (glossary: partyOrg, member,
// development, transfer): the zh-CN label users read and write, the code the system stores.
import type { Choice } from '../enterprise/codes.ts';

export { FORMATIONS, type Formation } from '../enterprise/codes.ts';

export const ORG_TYPES = [
  { code: 'committee', label: '党委', aliases: ['基层党委', '党的基层委员会'] },
  { code: 'general_branch', label: '党总支', aliases: ['总支部委员会', '党总支部'] },
  { code: 'branch', label: '党支部', aliases: ['支部'] },
  { code: 'joint_branch', label: '联合党支部', aliases: ['联合支部'] },
  { code: 'temporary_branch', label: '临时党支部', aliases: ['功能型党支部', '临时支部'] },
] as const satisfies readonly Choice<string>[];
export type OrgType = (typeof ORG_TYPES)[number]['code'];

export const JOINT_BASES = [
  { code: 'area', label: '区域联建' },
  { code: 'industry', label: '行业联建' },
] as const satisfies readonly Choice<string>[];
export type JointBasis = (typeof JOINT_BASES)[number]['code'];

export const MANAGEMENT_MODES = [
  { code: 'territorial', label: '属地管理' },
  { code: 'sectoral', label: '行业管理' },
] as const satisfies readonly Choice<string>[];
export type ManagementMode = (typeof MANAGEMENT_MODES)[number]['code'];

export const SECRETARY_SOURCES = [
  { code: 'internal', label: '企业内部' },
  { code: 'dispatched', label: '下派' },
  { code: 'hired', label: '选聘' },
] as const satisfies readonly Choice<string>[];
export type SecretarySource = (typeof SECRETARY_SOURCES)[number]['code'];

/** The posts of a committee (支部委员会 / 总支 / 党委), in the order they are listed. */
export const OFFICER_POSTS = [
  { code: 'secretary', label: '书记' },
  { code: 'deputy_secretary', label: '副书记' },
  { code: 'organization', label: '组织委员' },
  { code: 'propaganda', label: '宣传委员' },
  { code: 'discipline', label: '纪检委员' },
] as const satisfies readonly Choice<string>[];
export type OfficerPost = (typeof OFFICER_POSTS)[number]['code'];

export const MEMBER_STATUSES = [
  { code: 'full', label: '正式党员' },
  { code: 'probationary', label: '预备党员' },
] as const satisfies readonly Choice<string>[];
export type MemberStatus = (typeof MEMBER_STATUSES)[number]['code'];

export const SEXES = [
  { code: 'male', label: '男' },
  { code: 'female', label: '女' },
] as const satisfies readonly Choice<string>[];

export const EDUCATIONS = [
  { code: 'postgraduate', label: '研究生', aliases: ['硕士', '博士', '硕士研究生', '博士研究生'] },
  { code: 'bachelor', label: '大学本科', aliases: ['本科'] },
  { code: 'college', label: '大学专科', aliases: ['专科', '大专'] },
  { code: 'secondary_vocational', label: '中专', aliases: ['中等专科', '中技', '技校'] },
  { code: 'high_school', label: '高中' },
  { code: 'junior_or_below', label: '初中及以下', aliases: ['初中', '小学'] },
] as const satisfies readonly Choice<string>[];
export type Education = (typeof EDUCATIONS)[number]['code'];

/** Why a member left the roster; members are never deleted. */
export const LEAVE_REASONS = [
  { code: 'transfer_out', label: '转出' },
  { code: 'death', label: '去世' },
  { code: 'lapse', label: '停止党籍' },
  { code: 'expulsion', label: '开除党籍' },
  { code: 'withdrawal', label: '退党' },
  { code: 'probation_cancelled', label: '取消预备党员资格' },
] as const satisfies readonly Choice<string>[];
export type LeaveReason = (typeof LEAVE_REASONS)[number]['code'];

/** 三培养: tags on a person. */
export const CULTIVATION_TAGS = [
  { code: 'backbone_to_member', label: '骨干培养成党员' },
  { code: 'member_to_backbone', label: '党员培养成骨干' },
  { code: 'to_manager', label: '党员骨干培养成管理层' },
] as const satisfies readonly Choice<string>[];
export type CultivationTag = (typeof CULTIVATION_TAGS)[number]['code'];

/** The stages of development (rules.md §6), in order. */
export const DEVELOPMENT_STAGES = [
  { code: 'applicant', label: '入党申请人' },
  { code: 'activist', label: '入党积极分子' },
  { code: 'candidate', label: '发展对象' },
  { code: 'probationary', label: '预备党员' },
  { code: 'full', label: '正式党员' },
] as const satisfies readonly Choice<string>[];
export type DevelopmentStage = (typeof DEVELOPMENT_STAGES)[number]['code'];
