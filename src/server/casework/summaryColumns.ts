import type { SummaryFigure } from './summary.ts';

/** The form's two-level header: groups of figures with their labels and units. */
export const SUMMARY_GROUPS: { label: string; columns: { key: SummaryFigure; label: string; unit: string }[] }[] = [
  {
    label: '人员',
    columns: [
      { key: 'instructors', label: '指导员', unit: '人' },
      { key: 'liaisons', label: '联络员', unit: '人' },
    ],
  },
  {
    label: '日常联系',
    columns: [
      { key: 'enterprises', label: '联系企业', unit: '个' },
      { key: 'contacts', label: '走访联系', unit: '次' },
      { key: 'weeksMissed', label: '未联系周数', unit: '周' },
    ],
  },
  {
    label: '企业诉求',
    columns: [
      { key: 'requestsReceived', label: '受理', unit: '件' },
      { key: 'requestsResolved', label: '解决', unit: '件' },
    ],
  },
  {
    label: '党建指导成果',
    columns: [
      { key: 'activists', label: '培养入党积极分子', unit: '名' },
      { key: 'members', label: '发展党员', unit: '名' },
      { key: 'systems', label: '建立制度', unit: '项' },
      { key: 'venues', label: '建设活动场所', unit: '个' },
      { key: 'funds', label: '筹集党建经费', unit: '万元' },
      { key: 'pledges', label: '承诺践诺', unit: '项' },
      { key: 'proposals', label: '建言献策', unit: '条' },
    ],
  },
  {
    label: '发展服务与和谐协调成果',
    columns: [
      { key: 'problems', label: '解决问题', unit: '个' },
      { key: 'innovations', label: '创新项目', unit: '个' },
      { key: 'benefit', label: '创新项目经济效益', unit: '万元' },
      { key: 'grants', label: '争取资金', unit: '万元' },
      { key: 'loans', label: '协调贷款', unit: '万元' },
      { key: 'hires', label: '帮助招工', unit: '人' },
      { key: 'trainees', label: '培训职工', unit: '人' },
      { key: 'feesReduced', label: '减免费用', unit: '万元' },
    ],
  },
];

export const SUMMARY_COLUMNS = SUMMARY_GROUPS.flatMap((g) => g.columns);
