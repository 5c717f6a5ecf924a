// The strings of training (rules.md §12): the prompt section, in both languages.

export const trainingZhCN = {
  'prompts.section.training': '培训学时未达要求',
  'prompts.hint.training':
    '本年度培训学时尚未达到要求的党员人数（按党组织列出，不排名）；学时来自培训班出勤和网上党校课程学完登记，第四季度起列入待办',
};

export const trainingEnUS: Record<keyof typeof trainingZhCN, string> = {
  'prompts.section.training': 'Training hours below the requirement',
  'prompts.hint.training':
    "Members below this year's training-hour requirement, counted per organization (never ranked); hours come from class attendance and online courses marked done; to-dos from the fourth quarter",
};
