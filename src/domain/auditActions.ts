// Every kind of row the audit log can hold: the action written (what was done, or attempted
// and refused) and the type of object it names. The audit writer and the route declarations
// take only these, so an action the server can write is in this list or the code does not
// compile; the labels (auditLabels.ts) are typed over the same list, and a test fails on a
// missing label in either language.
//
// A new action: add it here under its area, then its zh-CN and en-US labels in
// auditLabels.ts.

export const AUDIT_ACTIONS = [
  // achievement
  'achievement.create',
  'achievement.delete',
  'achievement.enterprise',
  'achievement.import',
  'achievement.import_discard',
  'achievement.import_error_report',
  'achievement.import_list',
  'achievement.import_read',
  'achievement.import_template',
  'achievement.org',
  'achievement.update',
  // appraisal
  'appraisal.follow_up',
  'appraisal.member_create',
  'appraisal.member_delete',
  'appraisal.org_create',
  'appraisal.org_delete',
  'appraisal.org_view',
  'appraisal.rectification_close',
  // attachment (files kept for a record: meeting minutes, …)
  'attachment.delete',
  'attachment.download',
  'attachment.list',
  'attachment.upload',
  // assessment
  'assessment.daily_add',
  'assessment.daily_list',
  'assessment.daily_remove',
  'assessment.export',
  'assessment.periodic',
  'assessment.periodic_list',
  'assessment.results',
  'assessment.settings',
  'assessment.settings.read',
  // audit
  'audit.export',
  'audit.read',
  'audit.verify',
  // auth
  'auth.lockout',
  'auth.login',
  'auth.logout',
  'auth.password_ok',
  'auth.totp',
  // ballot
  'ballot.issue',
  'ballot.list',
  'ballot.reissue',
  'ballot.submit',
  // casework
  'casework.assignments',
  // contact
  'contact.export',
  'contact.create',
  'contact.delete',
  'contact.list',
  'contact.update',
  // dashboard
  'dashboard.read',
  // department
  'department.create',
  'department.delete',
  'department.list',
  'department.override',
  'department.seed',
  'department.update',
  // development
  'development.export',
  'development.board',
  'development.close',
  'development.create',
  'development.early',
  'development.overdue',
  'development.read',
  'development.update',
  // enterprise
  // engagement
  'engagement.activity_create',
  'engagement.activity_delete',
  'engagement.org_view',
  'engagement.owner_create',
  'engagement.owner_delete',
  'engagement.owner_list',
  'engagement.pairing_activity_create',
  'engagement.pairing_activity_delete',
  'engagement.pairing_create',
  'engagement.pairing_delete',
  'enterprise.export',
  'enterprise.import',
  'enterprise.import_discard',
  'enterprise.instructor_suggestions',
  'enterprise.instructors',
  'enterprise.list',
  'enterprise.read',
  'enterprise.restructuring',
  'enterprise.restructuring_read',
  'enterprise.template',
  'enterprise.update',
  // honour
  'honour.counts',
  'honour.create',
  'honour.delete',
  'honour.list',
  'honour.site_create',
  'honour.site_delete',
  'honour.site_list',
  // import_batch
  'import_batch.abandoned',
  'import_batch.error_report',
  'import_batch.list',
  'import_batch.read',
  // industry
  'industry.list',
  // instructor
  'instructor.export',
  'instructor.assign',
  'instructor.assignment_end',
  'instructor.assignments_export',
  'instructor.create',
  'instructor.list',
  'instructor.read',
  'instructor.reveal',
  'instructor.update',
  // lost contact (失联党员)
  'lost_contact.list',
  'lost_contact.outcome',
  'lost_contact.record',
  'lost_contact.search',
  'lost_contact.view',
  // meeting (organisational life)
  'meeting.create',
  'meeting.delete',
  'meeting.import',
  'meeting.import_discard',
  'meeting.import_error_report',
  'meeting.import_list',
  'meeting.import_read',
  'meeting.import_template',
  'meeting.list',
  'meeting.read',
  'meeting.roster',
  'meeting.status',
  'meeting.update',
  // member
  'member.export',
  'member.away_end',
  'member.away_record',
  'member.create',
  'member.honours',
  'member.import',
  'member.import_discard',
  'member.import_error_report',
  'member.import_list',
  'member.import_read',
  'member.import_template',
  'member.leave',
  'member.list',
  'member.national_export',
  'member.read',
  'member.referral',
  'member.referral_close',
  'member.referral_list',
  'member.reveal',
  'member.transfer_export',
  'member.transfer_in',
  'member.transfer_list',
  'member.transfer_out',
  'member.transfer_receive',
  'member.update',
  // org
  'org.export',
  'org.coverage_add',
  'org.coverage_end',
  'org.create',
  'org.dispatched_secretaries',
  'org.dissolve',
  'org.election',
  'org.honours',
  'org.import',
  'org.import_discard',
  'org.import_error_report',
  'org.import_list',
  'org.import_read',
  'org.import_template',
  'org.list',
  'org.officer_add',
  'org.officer_end',
  'org.officer_update',
  'org.read',
  'org.term_adjust',
  'org.update',
  // outcome
  'outcome.create',
  'outcome.delete',
  'outcome.list',
  // owner_survey
  'owner_survey.close',
  'owner_survey.create',
  'owner_survey.issue_links',
  'owner_survey.list',
  'owner_survey.read',
  'owner_survey.submit',
  // party_group (党小组)
  'party_group.create',
  'party_group.delete',
  'party_group.list',
  'party_group.update',
  // pool
  'pool.counts',
  'pool.create',
  'pool.dispatch',
  'pool.list',
  'pool.read',
  'pool.return',
  'pool.reveal',
  'pool.update',
  // prompt
  'prompt.read',
  // region
  'region.children',
  'region.read',
  // regions (the command line)
  'regions.load_villages',
  // report
  'report.achievements',
  'report.achievements_export',
  'report.training',
  'report.training_export',
  'report.annual',
  'report.annual_export',
  'report.nb27',
  'report.nb27_export',
  'report.nb30',
  'report.nb30_export',
  'report.nb43',
  'report.nb43_export',
  'report.instructors',
  'report.instructors_export',
  'report.lagging',
  'report.lagging_regions',
  'report.lagging_export',
  'report.orglife',
  'report.orglife_export',
  'report.quarterly',
  'report.quarterly_export',
  'report.quarterly_submit',
  'report.quarterly_resubmit',
  'report.quarterly_return',
  'report.quarterly_submission',
  'report.quarterly_submissions',
  'report.package_submit',
  'report.package_receive',
  'report.package_return',
  'report.packages',
  // request
  'request.export',
  'request.create',
  'request.list',
  'request.read',
  'request.update',
  // settings
  'settings.appraisal_rules',
  'settings.appraisal_rules.read',
  'settings.coverage',
  'settings.coverage.read',
  'settings.deployment_trust',
  'settings.deployments.read',
  'settings.instructor',
  'settings.instructor.read',
  'settings.orglife',
  'settings.orglife.read',
  'settings.training',
  'settings.training.read',
  'settings.org_rules',
  'settings.org_rules.read',
  'settings.region',
  'settings.security',
  'settings.security.read',
  // snapshot
  'snapshot.compare',
  'snapshot.create',
  'snapshot.list',
  // stats
  'stats.coverage',
  'stats.enterprises',
  'stats.trend',
  // todo
  'todo.read',
  // training (rules.md §12): classes, the online party school, hours against the requirement
  'training.class_create',
  'training.class_delete',
  'training.class_list',
  'training.class_read',
  'training.class_update',
  'training.course_complete',
  'training.course_create',
  'training.course_delete',
  'training.course_list',
  'training.course_uncomplete',
  'training.hours',
  'training.own_hours',
  'training.people',
  // user
  'user.change_password',
  'user.create',
  'user.disable',
  'user.enable',
  'user.link_targets',
  'user.list',
  'user.reset_password',
  'user.reset_password_reject',
  'user.reset_password_request',
  'user.reset_totp',
  'user.set_roles',
  'user.totp_enrol',
  'user.unlock',
  'user.update',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** The area of an action (its part before the first dot): the audit filter's groups. */
export type AuditArea = AuditAction extends `${infer A}.${string}` ? A : never;
export const auditArea = (action: AuditAction): AuditArea => action.slice(0, action.indexOf('.')) as AuditArea;
export const AUDIT_AREAS: readonly AuditArea[] = [...new Set(AUDIT_ACTIONS.map(auditArea))];

/** The types of object an audit row names (`entity`), with `entityId` the object's key. */
export const AUDIT_ENTITIES = [
  'achievement',
  'assessment',
  'attachment',
  'audit_log',
  'contact',
  'course',
  'daily_assessment',
  'demonstration_site',
  'department',
  'development',
  'enterprise',
  'honour',
  'import_batch',
  'instructor',
  'lost_contact',
  'meeting',
  'member',
  'member_appraisal',
  'member_referral',
  'member_transfer',
  'open_activity',
  'org_appraisal',
  'outcome',
  'owner_engagement',
  'owner_survey',
  'party_group',
  'pairing',
  'party_org',
  'pool_secretary',
  'region',
  'report',
  'request',
  'settings',
  'snapshot',
  'training_class',
  'user',
] as const;
export type AuditEntity = (typeof AUDIT_ENTITIES)[number];

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
