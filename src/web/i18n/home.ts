// The strings of the role home pages (我的企业, 本支部) and of the menu's groups, in both languages.

export const homeZhCN = {
  'nav.home.instructor': '我的企业',
  'nav.home.secretary': '本支部',
  'nav.group.ledger': '台账管理',
  'nav.group.orgs': '组织建设',
  'nav.group.members': '党员管理',
  'nav.group.instructors': '指导员',
  'nav.group.reports': '统计报表',
  'nav.group.system': '系统管理',

  'home.instructor.title': '我的企业',
  'home.instructor.summary': '在派企业 {total} 家，本周待联系 {open} 家，有未联系周的 {missed} 家',
  'home.instructor.empty': '目前没有在派的企业',
  'casework.silentRequests': '{n} 项诉求超过 {days} 天未更新',
  'home.secretary.title': '本支部 · {name}',
  'home.secretary.due': '到期待办',
  'home.secretary.dueHint': '换届、发展党员、组织关系转接等按规定到期或逾期的事项',
  'home.secretary.noDue': '本支部目前没有到期的事项',
  'home.secretary.openOrg': '支部详情',
  'home.secretary.noOrg': '您的账户尚未关联党组织，请联系系统管理员。',
};

export const homeEnUS: Record<keyof typeof homeZhCN, string> = {
  'nav.home.instructor': 'My enterprises',
  'nav.home.secretary': 'My branch',
  'nav.group.ledger': 'Ledger',
  'nav.group.orgs': 'Organizations',
  'nav.group.members': 'Party members',
  'nav.group.instructors': 'Instructors',
  'nav.group.reports': 'Statistics & reports',
  'nav.group.system': 'System',

  'home.instructor.title': 'My enterprises',
  'home.instructor.summary':
    '{total} enterprise(s) assigned, {open} still to contact this week, {missed} with missed weeks',
  'home.instructor.empty': 'No enterprise is assigned to you at present',
  'casework.silentRequests': '{n} request(s) without an update for over {days} days',
  'home.secretary.title': 'My branch · {name}',
  'home.secretary.due': 'Due items',
  'home.secretary.dueHint': 'Re-elections, member development, relation transfers and other items due or overdue',
  'home.secretary.noDue': 'Nothing is due in your branch at present',
  'home.secretary.openOrg': 'Branch details',
  'home.secretary.noOrg': 'Your account is not linked to a party organization yet; ask the system administrator.',
};
