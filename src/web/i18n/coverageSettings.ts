// The strings of the statistics settings page, in both languages.

export const coverageSettingsZhCN = {
  'nav.coverageSettings': '统计设置',
  'coverageSettings.title': '统计设置',
  'coverageSettings.hint': '统计口径与进展滞后的判定。保存后，仪表盘、统计报表和命令行的数字随即按新设置计算。',
  'coverageSettings.defaultScope': '默认统计口径',
  'coverageSettings.defaultScopeHint': '仪表盘和报表未指定口径时采用；报表会注明所用口径',
  'coverageSettings.surveyMinEmployees': '调查口径：企业从业人员',
  'coverageSettings.surveyMinSocialOrgStaff': '调查口径：社会组织专职人员',
  'coverageSettings.atLeast': '{n} {unit}及以上',
  'coverageSettings.people': '人',
  'coverageSettings.laggingPoints': '低于上级组建率超过',
  'coverageSettings.laggingPointsHint': '下级地区的组建率比上级低出这么多个百分点，即列为进展滞后',
  'coverageSettings.points': '个百分点',
  'coverageSettings.quarterlyDueDays': '季度新建党组织情况报表报送期限：季末后',
  'coverageSettings.days': '天',
  'coverageSettings.saved': '统计设置已保存',
} as const;

export const coverageSettingsEnUS: Record<keyof typeof coverageSettingsZhCN, string> = {
  'nav.coverageSettings': 'Statistics settings',
  'coverageSettings.title': 'Statistics settings',
  'coverageSettings.hint':
    'The statistical scope and what counts as lagging. Once saved, the dashboard, the reports and the command line count by the new settings.',
  'coverageSettings.defaultScope': 'Default scope',
  'coverageSettings.defaultScopeHint':
    'Used where the dashboard or a report names no scope; reports state the scope they use',
  'coverageSettings.surveyMinEmployees': 'Survey scope: enterprise employees',
  'coverageSettings.surveyMinSocialOrgStaff': 'Survey scope: social organization staff',
  'coverageSettings.atLeast': '{n} {unit} or more',
  'coverageSettings.people': 'people',
  'coverageSettings.laggingPoints': 'Below the parent’s formation rate by more than',
  'coverageSettings.laggingPointsHint': 'A child region this many points below its parent is listed as lagging',
  'coverageSettings.points': 'points',
  'coverageSettings.quarterlyDueDays': 'Quarterly report of new organizations due after the quarter by',
  'coverageSettings.days': 'days',
  'coverageSettings.saved': 'Statistics settings saved',
};
