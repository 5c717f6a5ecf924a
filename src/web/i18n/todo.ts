// The to-do centre's strings (待办: the header's bell and its page), in both languages.

export const todoZhCN = {
  'todo.title': '待办',
  'todo.bell': '待办 {n} 项',
  'todo.hint': '您可以处理的到期和逾期事项，按类别列出；点击一项打开其记录，办理后即从这里消失。',
  'todo.empty': '目前没有待办事项',
  'todo.total': '共 {n} 项',
  'todo.firstOnly': '显示前 {shown} 项，共 {total} 项',
  'todo.section.quarterly_report': '待报送季报',
};

export const todoEnUS: Record<keyof typeof todoZhCN, string> = {
  'todo.title': 'To-do',
  'todo.bell': '{n} to-do items',
  'todo.hint':
    'What is due or overdue and yours to act on, by kind; open an item to go to its record. Once dealt with, it leaves this list.',
  'todo.empty': 'Nothing to do right now',
  'todo.total': '{n} in all',
  'todo.firstOnly': 'First {shown} of {total}',
  'todo.section.quarterly_report': 'Quarterly reports to submit',
};
