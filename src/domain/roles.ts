/**
 * Roles and what each may do. The three administrator roles are mutually exclusive
 * (三员分立): a system administrator cannot read the audit trail, a security administrator
 * cannot change business data, an auditor can only read and export the audit trail.
 */
export const ROLES = ['sysadmin', 'secadmin', 'auditor', 'committee', 'leader', 'instructor', 'secretary'] as const;
export type Role = (typeof ROLES)[number];

export const ADMIN_ROLES: readonly Role[] = ['sysadmin', 'secadmin', 'auditor'];

/**
 * What only the three administrators do (三员分立): accounts, settings and policy, regions, the
 * audit trail. No business role holds any of it.
 */
const ADMINISTRATION = [
  'user.read',
  'user.write',
  'role.assign',
  'user.unlock',
  /** Approve or reject a password reset the system administrator asked for (安全管理员). */
  'user.approve_reset',
  'settings.write',
  'policy.write',
  'audit.read',
  'audit.export',
  'region.load',
] as const;

/** The party-building work itself; the committee (党工委) holds all of it. */
const BUSINESS = [
  'dashboard.read',
  'ledger.read',
  'ledger.write',
  'ledger.import',
  'ledger.export',
  /** See organizations, their coverage, officers and terms. */
  'org.read',
  /** Record officers, elections and the 三同步 checklist of an org in scope. */
  'org.write',
  /** Establish and dissolve orgs and change what they cover: this moves ledger categories. */
  'org.manage',
  'org.import',
  'member.read',
  /** Record members, their development, transfers and departures. */
  'member.write',
  'member.import',
  /** See a member's full ID and phone number; every reveal is audited. */
  'member.reveal',
  /** The work prompts (工作提示) of the actor's scope. */
  'prompt.read',
  /** See instructors, their assignments, contacts, requests and outcomes (an instructor: their own). */
  'instructor.read',
  /** Keep departments and their relevance map, instructors and their assignments. */
  'instructor.manage',
  /** Record contacts, requests and outcomes under an assignment. */
  'instructor.record',
  /** See assessment results and owner survey results. */
  'assessment.read',
  /** Enter daily and periodic assessments, issue ballot and owner survey links. */
  'assessment.write',
  /** Statistics and reports: coverage, quarterly, annual, lagging, instructor summary. */
  'report.read',
  /** Submit (报送) the quarterly report of one's own region, and resubmit it with a reason. */
  'report.submit',
  /** Return (退回) a child region's submitted quarterly report with a reason. */
  'report.return',
  /** Take survey snapshots of the ledger. */
  'snapshot.write',
  /** See the pool of secretaries to send (下派书记库), its dispatches and counts. */
  'pool.read',
  /** Keep the pool: enter and correct people, send them to orgs and record their return. */
  'pool.manage',
  /** See honours (表彰) and demonstration sites (示范点), listed and counted. */
  'honour.read',
  /** Record and withdraw honours and demonstration sites. */
  'honour.manage',
  /** See organisational life and achievements: meetings, party groups, activities, pairings, achievements, appraisals, owner engagement. */
  'orglife.read',
  /** Record an org's meetings, groups, activities, pairings, achievements, member appraisals and owner engagement. */
  'orglife.write',
  /** Appraise orgs (分类定级, 软弱涣散 and their rectification): the body above the org does this. */
  'appraisal.manage',
  /** See training classes, online courses and yearly hours (an instructor: their own hours). */
  'training.read',
  /** Record training classes with attendance, publish online courses, set the hour requirements. */
  'training.manage',
  /** Mark online courses done: a secretary for their org's members, an instructor for themself. */
  'training.record',
] as const;

export const PERMISSIONS = [...ADMINISTRATION, ...BUSINESS] as const;
export type Permission = (typeof PERMISSIONS)[number];

const GRANTS: Record<Role, readonly Permission[]> = {
  sysadmin: ['user.read', 'user.write', 'settings.write', 'region.load', 'dashboard.read'],
  secadmin: ['user.read', 'role.assign', 'user.unlock', 'user.approve_reset', 'policy.write', 'dashboard.read'],
  auditor: ['audit.read', 'audit.export'],
  committee: BUSINESS,
  leader: [
    'dashboard.read',
    'ledger.read',
    'ledger.export',
    'org.read',
    'member.read',
    'prompt.read',
    'instructor.read',
    'assessment.read',
    'report.read',
    'pool.read',
    'honour.read',
    'orglife.read',
    'training.read',
  ],
  // An instructor's scope is the enterprises assigned to them today (Actor.instructorId).
  // They read the orgs covering those enterprises today (row-level security, migration 0037),
  // with their organisational life; they write none of it. They see their own training hours
  // and the courses published to their region, and mark courses done.
  instructor: [
    'dashboard.read',
    'ledger.read',
    'org.read',
    'instructor.read',
    'instructor.record',
    'orglife.read',
    'training.read',
    'training.record',
  ],
  // A secretary's scope is their own org (Actor.orgId): its members, its covered enterprises.
  secretary: [
    'dashboard.read',
    'ledger.read',
    'org.read',
    'org.write',
    'member.read',
    'member.write',
    'member.reveal',
    'prompt.read',
    'orglife.read',
    'orglife.write',
    'training.read',
    'training.record',
  ],
};

export function permissionsOf(roles: readonly Role[]): Set<Permission> {
  return new Set(roles.flatMap((r) => GRANTS[r] ?? []));
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/**
 * The administrators, and whoever may see members' full ID numbers: a password alone —
 * which an administrator can have reset — must not be enough to read them.
 */
export function mustUseTotp(roles: readonly Role[]): boolean {
  return roles.some((r) => ADMIN_ROLES.includes(r)) || permissionsOf(roles).has('member.reveal');
}

/** Chinese messages for each reason the role set is not allowed; empty when it is. */
export function checkRoles(roles: readonly string[]): string[] {
  const problems: string[] = [];
  for (const r of roles) if (!isRole(r)) problems.push(`未知角色：${r}`);
  if (new Set(roles).size !== roles.length) problems.push('角色重复');
  const admin = roles.filter((r) => (ADMIN_ROLES as readonly string[]).includes(r));
  if (admin.length > 0 && roles.length > 1) {
    problems.push('三员分立：系统管理员、安全管理员、审计员角色互斥，且不能兼任业务角色');
  }
  return problems;
}
