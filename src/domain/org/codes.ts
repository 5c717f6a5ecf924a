// The coded values of party organizations and members (glossary: partyOrg, member,
// development, transfer): the zh-CN label users read and write, the code the system stores.
import { type Choice, choices } from '../enterprise/codes.ts';

export { FORMATIONS, type Formation } from '../enterprise/codes.ts';

export const ORG_TYPES = [
  { code: 'committee', label: '党委', aliases: ['基层党委', '党的基层委员会'] },
  { code: 'general_branch', label: '党总支', aliases: ['总支部委员会', '党总支部'] },
  { code: 'branch', label: '党支部', aliases: ['支部'] },
  { code: 'joint_branch', label: '联合党支部', aliases: ['联合支部'] },
  { code: 'temporary_branch', label: '临时党支部', aliases: ['功能型党支部', '临时支部'] },
] as const satisfies readonly Choice<string>[];
export type OrgType = (typeof ORG_TYPES)[number]['code'];

export const JOINT_BASES = choices({ area: '区域联建', industry: '行业联建' });
export type JointBasis = (typeof JOINT_BASES)[number]['code'];

export const MANAGEMENT_MODES = choices({ territorial: '属地管理', sectoral: '行业管理' });
export type ManagementMode = (typeof MANAGEMENT_MODES)[number]['code'];

export const SECRETARY_SOURCES = choices({ internal: '企业内部', dispatched: '下派', hired: '选聘' });
export type SecretarySource = (typeof SECRETARY_SOURCES)[number]['code'];

/** The posts of a committee (支部委员会 / 总支 / 党委), in the order they are listed. */
export const OFFICER_POSTS = choices({
  secretary: '书记',
  deputy_secretary: '副书记',
  organization: '组织委员',
  propaganda: '宣传委员',
  discipline: '纪检委员',
});
export type OfficerPost = (typeof OFFICER_POSTS)[number]['code'];

export const MEMBER_STATUSES = choices({ full: '正式党员', probationary: '预备党员' });
export type MemberStatus = (typeof MEMBER_STATUSES)[number]['code'];

export const SEXES = choices({ male: '男', female: '女' });

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
export const LEAVE_REASONS = choices({
  transfer_out: '转出',
  death: '去世',
  lapse: '停止党籍',
  expulsion: '开除党籍',
  withdrawal: '退党',
  probation_cancelled: '取消预备党员资格',
});
export type LeaveReason = (typeof LEAVE_REASONS)[number]['code'];

/** 三培养: tags on a person. */
export const CULTIVATION_TAGS = choices({
  backbone_to_member: '骨干培养成党员',
  member_to_backbone: '党员培养成骨干',
  to_manager: '党员骨干培养成管理层',
});
export type CultivationTag = (typeof CULTIVATION_TAGS)[number]['code'];

/** The stages of development (rules.md §6), in order. */
export const DEVELOPMENT_STAGES = choices({
  applicant: '入党申请人',
  activist: '入党积极分子',
  candidate: '发展对象',
  probationary: '预备党员',
  full: '正式党员',
});
export type DevelopmentStage = (typeof DEVELOPMENT_STAGES)[number]['code'];
