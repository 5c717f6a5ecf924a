// The columns of each list's export: what the screen's list shows, in the words it shows
// (zh-CN, like the reports), codes as their labels.

import { REQUEST_STATUSES } from '../../domain/casework/requests.ts';
import { FORMATIONS } from '../../domain/enterprise/codes.ts';
import { INSTRUCTOR_KINDS, REQUEST_CATEGORIES } from '../../domain/instructor/codes.ts';
import { DEVELOPMENT_STAGES, ORG_TYPES } from '../../domain/org/codes.ts';
import type { OrgFacts } from '../orgs/facts.ts';
import type { ExportColumn } from './listExport.ts';

type Choice = readonly { code: string; label: string }[];
const labelOf = (choices: Choice, code: string | null | undefined) =>
  code == null ? null : (choices.find((c) => c.code === code)?.label ?? code);
const yesNo = (v: boolean | null | undefined) => (v == null ? null : v ? '是' : '否');

/** An org as its list shows it: the facts the rules read, and what the rules found. */
export type OrgItem = Pick<
  OrgFacts,
  | 'name'
  | 'type'
  | 'formation'
  | 'regionCode'
  | 'establishedOn'
  | 'dissolvedOn'
  | 'units'
  | 'members'
  | 'fullMembers'
  | 'secretaryName'
  | 'termEndsOn'
> & { findings: { message: string }[] };

export const ORG_COLUMNS: ExportColumn<OrgItem>[] = [
  { header: '党组织名称', width: 40, value: (o) => o.name },
  { header: '类别', width: 10, value: (o) => labelOf(ORG_TYPES, o.type) },
  { header: '组建形式', width: 10, value: (o) => labelOf(FORMATIONS, o.formation) },
  { header: '行政区划代码', width: 14, value: (o) => o.regionCode },
  { header: '成立日期', width: 12, value: (o) => o.establishedOn },
  { header: '撤销日期', width: 12, value: (o) => o.dissolvedOn },
  { header: '覆盖单位', width: 10, value: (o) => o.units },
  { header: '党员', width: 8, value: (o) => o.members },
  { header: '正式党员', width: 10, value: (o) => o.fullMembers },
  { header: '书记', width: 10, value: (o) => o.secretaryName },
  { header: '任期届满', width: 12, value: (o) => o.termEndsOn },
  { header: '提示', width: 50, value: (o) => o.findings.map((f) => f.message).join('；') },
];

export interface MemberItem {
  name: string;
  sexLabel: string | null;
  birthDate: string | null;
  idNumber: string;
  phone: string | null;
  ethnicity: string | null;
  educationLabel: string | null;
  statusLabel: string | null;
  joinedOn: string | null;
  fullOn: string | null;
  orgName: string | null;
  employerName: string | null;
  position: string | null;
  sideLabel: string | null;
  leftOn: string | null;
  leaveReasonLabel: string | null;
}

export const MEMBER_COLUMNS: ExportColumn<MemberItem>[] = [
  { header: '姓名', width: 10, value: (m) => m.name },
  { header: '性别', width: 6, value: (m) => m.sexLabel },
  { header: '出生日期', width: 12, value: (m) => m.birthDate },
  { header: '公民身份号码', width: 21, value: (m) => m.idNumber },
  { header: '联系电话', width: 14, value: (m) => m.phone },
  { header: '民族', width: 8, value: (m) => m.ethnicity },
  { header: '学历', width: 12, value: (m) => m.educationLabel },
  { header: '人员类别', width: 10, value: (m) => m.statusLabel },
  { header: '入党日期', width: 12, value: (m) => m.joinedOn },
  { header: '转正日期', width: 12, value: (m) => m.fullOn },
  { header: '所在党组织', width: 40, value: (m) => m.orgName },
  { header: '工作单位', width: 40, value: (m) => m.employerName },
  { header: '职务', width: 12, value: (m) => m.position },
  { header: '流出/流入', width: 10, value: (m) => m.sideLabel },
  { header: '减少日期', width: 12, value: (m) => m.leftOn },
  { header: '减少原因', width: 12, value: (m) => m.leaveReasonLabel },
];

export interface InstructorItem {
  name: string;
  kind: string;
  sourceDepartmentName: string | null;
  post: string | null;
  fullTime: boolean;
  regionName: string | null;
  phone: string | null;
  load: number;
  leftOn: string | null;
}

export const INSTRUCTOR_COLUMNS: ExportColumn<InstructorItem>[] = [
  { header: '姓名', width: 10, value: (i) => i.name },
  { header: '类别', width: 12, value: (i) => labelOf(INSTRUCTOR_KINDS, i.kind) },
  { header: '派出单位', width: 24, value: (i) => i.sourceDepartmentName },
  { header: '职务', width: 16, value: (i) => i.post },
  { header: '专职', width: 6, value: (i) => yesNo(i.fullTime) },
  { header: '所在地区', width: 16, value: (i) => i.regionName },
  { header: '联系电话', width: 14, value: (i) => i.phone },
  { header: '联系企业', width: 10, value: (i) => i.load },
  { header: '离任日期', width: 12, value: (i) => i.leftOn },
];

export interface AssignmentItem {
  instructorName: string;
  instructorKind: string;
  sourceDepartmentName: string;
  enterpriseName: string;
  startOn: string;
  thisWeek: 'done' | 'open' | 'not_required';
  contactsThisWeek: number;
  missedWeeks: string[];
  lastContactOn: string | null;
  openRequests: number;
}

const THIS_WEEK = { done: '已联系', open: '待联系', not_required: '不计' } as const;

export const ASSIGNMENT_COLUMNS: ExportColumn<AssignmentItem>[] = [
  { header: '指导员', width: 10, value: (a) => a.instructorName },
  { header: '类别', width: 12, value: (a) => labelOf(INSTRUCTOR_KINDS, a.instructorKind) },
  { header: '派出单位', width: 24, value: (a) => a.sourceDepartmentName },
  { header: '联系企业', width: 40, value: (a) => a.enterpriseName },
  { header: '选派日期', width: 12, value: (a) => a.startOn },
  { header: '本周', width: 8, value: (a) => THIS_WEEK[a.thisWeek] },
  { header: '本周联系次数', width: 12, value: (a) => a.contactsThisWeek },
  { header: '未联系周数', width: 10, value: (a) => a.missedWeeks.length },
  { header: '最近联系', width: 12, value: (a) => a.lastContactOn },
  { header: '未办结诉求', width: 10, value: (a) => a.openRequests },
];

export interface ContactItem {
  onDate: string;
  kind: string;
  withWhom: string;
  enterpriseName: string;
  instructorName: string;
  notes: string | null;
}

const CONTACT_KINDS = { visit: '走访', phone: '电话', meeting: '座谈' } as Record<string, string>;

export const CONTACT_COLUMNS: ExportColumn<ContactItem>[] = [
  { header: '日期', width: 12, value: (c) => c.onDate },
  { header: '方式', width: 8, value: (c) => CONTACT_KINDS[c.kind] ?? c.kind },
  { header: '联系对象', width: 16, value: (c) => c.withWhom },
  { header: '企业', width: 40, value: (c) => c.enterpriseName },
  { header: '指导员', width: 10, value: (c) => c.instructorName },
  { header: '情况记录', width: 50, value: (c) => c.notes },
];

export interface RequestItem {
  receivedOn: string;
  enterpriseName: string;
  instructorName: string;
  category: string;
  description: string;
  status: string;
  departmentNames: string[];
  lastUpdateOn: string;
  closedOn: string | null;
  silent: boolean;
}

export const REQUEST_COLUMNS: ExportColumn<RequestItem>[] = [
  { header: '受理日期', width: 12, value: (r) => r.receivedOn },
  { header: '企业', width: 40, value: (r) => r.enterpriseName },
  { header: '指导员', width: 10, value: (r) => r.instructorName },
  { header: '类别', width: 10, value: (r) => labelOf(REQUEST_CATEGORIES, r.category) },
  { header: '诉求内容', width: 50, value: (r) => r.description },
  { header: '状态', width: 16, value: (r) => labelOf(REQUEST_STATUSES, r.status) },
  { header: '协调部门', width: 24, value: (r) => r.departmentNames.join('、') },
  { header: '最近更新', width: 12, value: (r) => r.lastUpdateOn },
  { header: '办结日期', width: 12, value: (r) => r.closedOn },
  { header: '长期未更新', width: 10, value: (r) => yesNo(r.silent) },
];

export interface DevelopmentItem {
  name: string;
  sex: string;
  idNumber: string;
  stage: string | null;
  appliedOn: string;
  activistOn: string | null;
  candidateOn: string | null;
  admittedOn: string | null;
  fullApprovedOn: string | null;
  employerName: string | null;
  overdue: { message: string }[];
}

export const DEVELOPMENT_COLUMNS: ExportColumn<DevelopmentItem>[] = [
  { header: '姓名', width: 10, value: (d) => d.name },
  { header: '性别', width: 6, value: (d) => d.sex },
  { header: '公民身份号码', width: 21, value: (d) => d.idNumber },
  { header: '所处阶段', width: 14, value: (d) => labelOf(DEVELOPMENT_STAGES, d.stage) },
  { header: '递交申请', width: 12, value: (d) => d.appliedOn },
  { header: '确定积极分子', width: 12, value: (d) => d.activistOn },
  { header: '确定发展对象', width: 12, value: (d) => d.candidateOn },
  { header: '接收预备党员', width: 12, value: (d) => d.admittedOn },
  { header: '批准转正', width: 12, value: (d) => d.fullApprovedOn },
  { header: '工作单位', width: 40, value: (d) => d.employerName },
  { header: '逾期事项', width: 40, value: (d) => d.overdue.map((o) => o.message).join('；') },
];

export interface TransferItem {
  memberName: string | null;
  direction: 'in' | 'out';
  orgName: string | null;
  counterpart: string;
  letterNo: string | null;
  issuedOn: string;
  validUntil: string;
  receivedOn: string | null;
  status: 'received' | 'pending' | 'expired';
}

const DIRECTION = { in: '转入', out: '转出' } as const;
const TRANSFER_STATUS = { received: '已回执', pending: '有效期内', expired: '已过期未回执' } as const;

export const TRANSFER_COLUMNS: ExportColumn<TransferItem>[] = [
  { header: '党员', width: 10, value: (t) => t.memberName },
  { header: '方向', width: 6, value: (t) => DIRECTION[t.direction] },
  { header: '党组织', width: 40, value: (t) => t.orgName },
  { header: '对方党组织', width: 40, value: (t) => t.counterpart },
  { header: '介绍信编号', width: 14, value: (t) => t.letterNo },
  { header: '开具日期', width: 12, value: (t) => t.issuedOn },
  { header: '有效期至', width: 12, value: (t) => t.validUntil },
  { header: '回执日期', width: 12, value: (t) => t.receivedOn },
  { header: '状态', width: 14, value: (t) => TRANSFER_STATUS[t.status] },
];
