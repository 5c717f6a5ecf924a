// The default catalogue of functional departments (职能部门) and what each one's functions relate
// to (职能相关、业务相近, rules.md §8), offered to a deployment that has none; every entry
// can then be changed, removed or added to.
import type { RequestCategory } from './codes.ts';

export interface DepartmentDefault {
  name: string;
  /** GB/T 4754 section letters. */
  industries: readonly string[];
  requests: readonly RequestCategory[];
}

export const DEFAULT_DEPARTMENTS: readonly DepartmentDefault[] = [
  // The organization and united-front departments guide party building in every industry.
  { name: '组织部', industries: [], requests: ['training'] },
  { name: '统战部', industries: [], requests: ['policy'] },
  { name: '政法委', industries: [], requests: ['labour_dispute'] },
  { name: '发展和改革局', industries: ['D'], requests: ['project_approval', 'policy'] },
  { name: '经济和信息化局（工信）', industries: ['B', 'C', 'I'], requests: ['project_approval', 'policy'] },
  { name: '商务局（经贸）', industries: ['F', 'H', 'L'], requests: ['market'] },
  { name: '市场监督管理局', industries: ['F', 'H', 'O'], requests: ['market', 'policy'] },
  { name: '住房和城乡建设局', industries: ['E', 'K'], requests: ['project_approval'] },
  { name: '人力资源和社会保障局', industries: [], requests: ['labour_dispute', 'hiring', 'training'] },
  { name: '自然资源和规划局', industries: ['B'], requests: ['land'] },
  { name: '生态环境局', industries: ['N'], requests: ['environment'] },
  { name: '税务局', industries: [], requests: ['policy'] },
  { name: '交通运输局', industries: ['G'], requests: [] },
  { name: '农业农村局', industries: ['A'], requests: [] },
  { name: '科学技术局', industries: ['I', 'M'], requests: ['policy'] },
  { name: '地方金融工作局', industries: ['J'], requests: ['financing'] },
  { name: '文化和旅游局', industries: ['H', 'R'], requests: ['market'] },
];
