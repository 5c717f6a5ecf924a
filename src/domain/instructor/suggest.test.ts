import { describe, expect, it } from 'vitest';
import { isSection } from '../enterprise/industry.ts';
import { REQUEST_CATEGORIES } from './codes.ts';
import { DEFAULT_DEPARTMENTS } from './departments.ts';
import { loadPoints, type Proximity, proximityOf, rankInstructors, type SuggestionCandidate } from './suggest.ts';

describe('proximityOf', () => {
  it.each<[string, string, Proximity]>([
    ['420502001', '420502001', 'town'],
    ['420502001001', '420502001', 'town'],
    ['420502001', '420502002', 'county'],
    ['420502001', '420502', 'county'],
    ['420502', '420502', 'county'],
    // 420500 is the city itself: its instructors serve the whole city, not one county.
    ['420502', '420500', 'city'],
    ['420500', '420500', 'city'],
    ['420502', '420503', 'city'],
    ['110101', '110102', 'city'],
    ['420502', '420100', 'province'],
    ['420000', '420000', 'province'],
    ['420502', '110101', 'far'],
  ])('%s and %s: %s', (a, b, expected) => {
    expect(proximityOf(a, b)).toBe(expected);
    expect(proximityOf(b, a)).toBe(expected);
  });
});

describe('loadPoints', () => {
  it.each([
    [0, 20],
    [1, 15],
    [3, 5],
    [4, 0],
    [9, 0],
  ])('%i enterprises: %i points', (load, points) => {
    expect(loadPoints(load)).toBe(points);
  });
});

const candidate = (c: Partial<SuggestionCandidate> & { id: number }): SuggestionCandidate => ({
  regionCode: '420502',
  sourceDepartmentName: '组织部',
  sections: [],
  load: 0,
  ...c,
});
const factory = { regionCode: '420502001', section: 'C', sectionName: '制造业' };

describe('rankInstructors', () => {
  it('relevance outweighs region and load; region outweighs a light load', () => {
    const ranked = rankInstructors(factory, [
      candidate({ id: 1, regionCode: '420502001', load: 0 }), // 0 + 30 + 20
      candidate({ id: 2, sourceDepartmentName: '经济和信息化局', sections: ['B', 'C'], regionCode: '420100', load: 2 }), // 40 + 5 + 10
      candidate({ id: 3, regionCode: '420503', load: 0 }), // 0 + 10 + 20
    ]);
    expect(ranked.map((r) => [r.candidate.id, r.rank, r.score])).toEqual([
      [2, 1, 55],
      [1, 2, 50],
      [3, 3, 30],
    ]);
  });

  it('gives each factor its points and a reason', () => {
    const [r] = rankInstructors(factory, [
      candidate({ id: 7, sourceDepartmentName: '经济和信息化局', sections: ['C'], regionCode: '420502', load: 1 }),
    ]);
    expect(r.reasons).toEqual([
      { factor: 'relevance', points: 40, matched: true, section: 'C' },
      { factor: 'region', points: 20, proximity: 'county' },
      { factor: 'load', points: 15, load: 1 },
    ]);
    expect(r.explanation).toBe(
      '第 1 位，75 分：经济和信息化局职能与制造业（C）相关（+40）；同一县（市、区）（+20）；目前联系 1 家企业（+15）',
    );
  });

  it('an enterprise without an industry: relevance is not judged', () => {
    const [r] = rankInstructors({ regionCode: '420502', section: null, sectionName: null }, [
      candidate({ id: 1, sections: ['C'] }),
    ]);
    expect(r.reasons[0]).toEqual({ factor: 'relevance', points: 0, matched: null, section: null });
    expect(r.explanation).toContain('企业未登记行业，不比较部门职能（+0）');
    expect(r.explanation).toContain('目前未联系企业（+20）');
  });

  it.each([
    [
      'the lighter load first',
      [candidate({ id: 1, regionCode: '420502001', load: 4 }), candidate({ id: 2, regionCode: '420502', load: 2 })],
      [2, 1],
    ],
    ['then the lower id', [candidate({ id: 9 }), candidate({ id: 3 })], [3, 9]],
  ])('equal points: %s', (_rule, candidates, order) => {
    const ranked = rankInstructors(factory, candidates);
    expect(new Set(ranked.map((r) => r.score)).size).toBe(1);
    expect(ranked.map((r) => r.candidate.id)).toEqual(order);
    expect(ranked.map((r) => r.rank)).toEqual([1, 2]);
  });

  it('does not depend on the order the candidates come in', () => {
    const list = [1, 2, 3, 4, 5].map((id) => candidate({ id, load: id % 2, regionCode: id > 3 ? '420503' : '420502' }));
    const ids = (l: SuggestionCandidate[]) => rankInstructors(factory, l).map((r) => r.candidate.id);
    expect(ids([...list].reverse())).toEqual(ids(list));
  });

  it('no candidates: no suggestions', () => {
    expect(rankInstructors(factory, [])).toEqual([]);
  });
});

describe('the default catalogue', () => {
  it('names real sections and request categories, each department once', () => {
    const names = DEFAULT_DEPARTMENTS.map((d) => d.name);
    expect(new Set(names).size).toBe(names.length);
    const categories: string[] = REQUEST_CATEGORIES.map((c) => c.code);
    for (const d of DEFAULT_DEPARTMENTS) {
      for (const s of d.industries) expect(isSection(s), `${d.name} ${s}`).toBe(true);
      for (const r of d.requests) expect(categories).toContain(r);
    }
  });

  it.each([
    ['经济和信息化局（工信）', 'industry', 'C'],
    ['住房和城乡建设局', 'industry', 'E'],
    ['生态环境局', 'request', 'environment'],
    ['自然资源和规划局', 'request', 'land'],
    ['人力资源和社会保障局', 'request', 'labour_dispute'],
  ])('%s relates to %s %s', (name, kind, code) => {
    const d = DEFAULT_DEPARTMENTS.find((x) => x.name === name)!;
    expect((kind === 'industry' ? d.industries : d.requests) as readonly string[]).toContain(code);
  });
});
