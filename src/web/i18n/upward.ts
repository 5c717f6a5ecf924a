// Reports passed up between deployments: the parent's page of child deployments' packages, and
// the tag beside a child region's row whose figures come from its package.
export const upwardZhCN = {
  'report.hub.deployments': '下级系统报送',
  'report.hub.deploymentsHint': '独立运行系统的下级地区报来的签名报送包：未报、已报、退回',
  'upward.title': '下级系统报送情况',
  'upward.intro':
    '下级地区运行独立系统时，以签名报送包报来年度统计表、年报表 27 / 30、季报和台账分类计数；本系统报表中该地区的数据取自报送包，只读。',
  'upward.period': '报送期间',
  'upward.col.region': '下级地区',
  'upward.col.status': '状态',
  'upward.col.receivedAt': '接收时间',
  'upward.col.sequence': '报送包序号',
  'upward.col.fingerprint': '公钥指纹',
  'upward.col.history': '记录',
  'upward.col.actions': '操作',
  'upward.status.none': '未报',
  'upward.status.received': '已报',
  'upward.status.returned': '退回',
  'upward.history.receive': '收到报送包（序号 {sequence}）',
  'upward.history.return': '退回：{reason}',
  'upward.return': '退回',
  'upward.returnTitle': '退回 {name} 的报送包',
  'upward.returnIntro':
    '退回后，{name} 下次报送时看到退回原因；重新报送的报送包替换现有数据，此前的报送包保留在记录中。',
  'upward.returnReason': '退回原因',
  'upward.returned': '已退回',
  'upward.empty':
    '尚未登记下级系统。系统管理员用 dangjian deployments trust 登记下级系统的公钥后，这里列出其报送情况。',
  'upward.remoteTag': '报送包·{status}',
  'upward.remoteReason': '退回原因：{reason}',
} as const;

export const upwardEnUS: Record<keyof typeof upwardZhCN, string> = {
  'report.hub.deployments': 'Child deployments’ packages',
  'report.hub.deploymentsHint':
    'Signed packages from child regions running their own deployment: not submitted, submitted, returned',
  'upward.title': 'Child deployments’ packages',
  'upward.intro':
    'A child region running its own deployment sends its annual tables, tables 27 / 30, quarterly report and ledger counts as a signed package; this deployment’s reports show its figures from the package, read-only.',
  'upward.period': 'Period',
  'upward.col.region': 'Child region',
  'upward.col.status': 'Status',
  'upward.col.receivedAt': 'Received',
  'upward.col.sequence': 'Package number',
  'upward.col.fingerprint': 'Key fingerprint',
  'upward.col.history': 'History',
  'upward.col.actions': 'Actions',
  'upward.status.none': 'Not submitted',
  'upward.status.received': 'Submitted',
  'upward.status.returned': 'Returned',
  'upward.history.receive': 'Package received (no. {sequence})',
  'upward.history.return': 'Returned: {reason}',
  'upward.return': 'Return',
  'upward.returnTitle': 'Return {name}’s package',
  'upward.returnIntro':
    '{name} sees the reason at its next submission; a resubmitted package replaces the figures, and the earlier one stays on record.',
  'upward.returnReason': 'Reason for returning',
  'upward.returned': 'Returned',
  'upward.empty':
    'No child deployment registered yet. Once the system administrator registers a child’s key (dangjian deployments trust), its packages are listed here.',
  'upward.remoteTag': 'Package · {status}',
  'upward.remoteReason': 'Returned: {reason}',
};
