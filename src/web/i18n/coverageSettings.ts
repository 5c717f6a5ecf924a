// The strings of the statistics settings page, in both languages.

export const coverageSettingsZhCN = {
  'nav.coverageSettings': '统计设置',
  'coverageSettings.title': '统计设置',
  'coverageSettings.hint':
    '统计口径、重点盯住与进展滞后的判定，适用于整个系统。保存后，仪表盘、台账、工作提示、统计报表和命令行的数字随即按新设置计算。',
  'coverageSettings.defaultScope': '默认统计口径',
  'coverageSettings.defaultScopeHint': '仪表盘和报表未指定口径时采用；报表会注明所用口径',
  'coverageSettings.surveyMinEmployees': '调查口径：企业从业人员',
  'coverageSettings.surveyMinSocialOrgStaff': '调查口径：社会组织专职人员',
  'coverageSettings.atLeastHint': '达到这么多人（含）即纳入调查口径，可填 1–1000',
  'coverageSettings.keyWatchEmployees': '重点盯住：从业人员',
  'coverageSettings.keyWatchEmployeesHint': '从业人员达到这么多人（含）且未建党组织的企业列为重点盯住，可填 10–10000',
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
    'The statistical scope, key watch and what counts as lagging, for the whole system. Once saved, the dashboard, the ledger, the work prompts, the reports and the command line count by the new settings.',
  'coverageSettings.defaultScope': 'Default scope',
  'coverageSettings.defaultScopeHint':
    'Used where the dashboard or a report names no scope; reports state the scope they use',
  'coverageSettings.surveyMinEmployees': 'Survey scope: enterprise employees',
  'coverageSettings.surveyMinSocialOrgStaff': 'Survey scope: social organization staff',
  'coverageSettings.atLeastHint': 'From this many people on, in the survey scope (1–1000)',
  'coverageSettings.keyWatchEmployees': 'Key watch: employees',
  'coverageSettings.keyWatchEmployeesHint':
    'Enterprises with this many employees or more and no party organization are watched closely (10–10000)',
  'coverageSettings.people': 'people',
  'coverageSettings.laggingPoints': 'Below the parent’s formation rate by more than',
  'coverageSettings.laggingPointsHint': 'A child region this many points below its parent is listed as lagging',
  'coverageSettings.points': 'points',
  'coverageSettings.quarterlyDueDays': 'Quarterly report of new organizations due after the quarter by',
  'coverageSettings.days': 'days',
  'coverageSettings.saved': 'Statistics settings saved',
};

// The org rules page (党组织工作规则): a committee's own region's numbers.
export const orgRulesZhCN = {
  'nav.orgRules': '党组织工作规则',
  'orgRules.title': '党组织工作规则',
  'orgRules.hint':
    '本辖区的党组织工作规则。未单独设置的沿用上级区划的规则；保存后本辖区及未单独设置的下级区划随即按新规则提示，上级和同级区划不受影响。',
  'orgRules.jointMaxUnits': '联合党组织覆盖单位一般不超过',
  'orgRules.jointMaxUnitsHint': '超过的联合党组织给出提醒（不阻止），可填 2–30；有的城市允许 10 家',
  'orgRules.units': '家',
  'orgRules.electionReminderMonths': '换届提示：任期届满前',
  'orgRules.electionReminderMonthsHint': '到达所选的任一时点即提示换届，可选 1–4 个时点',
  'orgRules.months': '{n} 个月',
  'orgRules.restructuringGraceDays': '三同步落实期限：改制后',
  'orgRules.restructuringGraceDaysHint': '期满仍未落实的“三同步”事项列入工作提示，可填 1–365',
  'orgRules.days': '天',
  'orgRules.saved': '党组织工作规则已保存',
} as const;

export const orgRulesEnUS: Record<keyof typeof orgRulesZhCN, string> = {
  'nav.orgRules': 'Organization rules',
  'orgRules.title': 'Organization rules',
  'orgRules.hint':
    'The organization rules of your region. Without its own, a region follows the region above it; once saved, your region and sub-regions without their own are prompted by the new rules; regions above and beside yours are unaffected.',
  'orgRules.jointMaxUnits': 'A joint organization covers at most',
  'orgRules.jointMaxUnitsHint': 'More gives a warning (not an error); 2–30. Some cities allow 10',
  'orgRules.units': 'units',
  'orgRules.electionReminderMonths': 'Re-election prompts before the term ends',
  'orgRules.electionReminderMonthsHint': 'A prompt from each chosen point on; choose 1–4 points',
  'orgRules.months': '{n} months',
  'orgRules.restructuringGraceDays': '三同步 grace after the restructuring',
  'orgRules.restructuringGraceDaysHint': 'Items still missing afterwards become work prompts; 1–365',
  'orgRules.days': 'days',
  'orgRules.saved': 'Organization rules saved',
};
