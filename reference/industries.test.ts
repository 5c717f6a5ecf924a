import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

interface Section {
  code: string;
  name: string;
  nameEn: string;
  divisions: string[];
}

interface Division {
  code: string;
  section: string;
  name: string;
  nameEn: string;
}

interface Industries {
  standard: string;
  sections: Section[];
  divisions: Division[];
}

const data = JSON.parse(readFileSync(new URL('./industries.json', import.meta.url), 'utf8')) as Industries;

const pad = (n: number): string => String(n).padStart(2, '0');
const range = (from: number, to: number): string[] => Array.from({ length: to - from + 1 }, (_, i) => pad(from + i));

/** Division ranges per section in GB/T 4754-2017. */
const EXPECTED_RANGES: Record<string, [number, number]> = {
  A: [1, 5],
  B: [6, 12],
  C: [13, 43],
  D: [44, 46],
  E: [47, 50],
  F: [51, 52],
  G: [53, 60],
  H: [61, 62],
  I: [63, 65],
  J: [66, 69],
  K: [70, 70],
  L: [71, 72],
  M: [73, 75],
  N: [76, 79],
  O: [80, 82],
  P: [83, 83],
  Q: [84, 85],
  R: [86, 90],
  S: [91, 96],
  T: [97, 97],
};

// Chinese names: CJK ideographs, optionally separated by the enumeration comma 、.
const CHINESE_NAME = /^[\u4e00-\u9fff]+(?:、[\u4e00-\u9fff]+)*$/;
const ENGLISH_NAME = /^[A-Z][A-Za-z ,'()-]*[a-z)]$/;

describe('reference/industries.json (GB/T 4754-2017)', () => {
  it('declares the standard', () => {
    expect(data.standard).toBe('GB/T 4754-2017');
  });

  it('has the 20 sections A–T in order', () => {
    expect(data.sections.map((s) => s.code)).toEqual('ABCDEFGHIJKLMNOPQRST'.split(''));
  });

  it('has the 97 divisions 01–97, each exactly once, in order', () => {
    const codes = data.divisions.map((d) => d.code);
    expect(codes).toHaveLength(97);
    expect(new Set(codes).size).toBe(97);
    expect(codes).toEqual(range(1, 97));
  });

  it('uses the official division range for each section', () => {
    for (const section of data.sections) {
      const [from, to] = EXPECTED_RANGES[section.code];
      expect(section.divisions, `section ${section.code}`).toEqual(range(from, to));
    }
  });

  it("lists each division under its section, and the sections' lists partition 01–97", () => {
    const bySection = new Map(data.sections.map((s) => [s.code, s]));
    for (const division of data.divisions) {
      const section = bySection.get(division.section);
      expect(section, `division ${division.code}`).toBeDefined();
      expect(section!.divisions, `division ${division.code}`).toContain(division.code);
    }
    for (const section of data.sections) {
      const own = data.divisions.filter((d) => d.section === section.code).map((d) => d.code);
      expect(own, `section ${section.code}`).toEqual(section.divisions);
    }
    const all = data.sections.flatMap((s) => s.divisions);
    expect(all).toEqual(range(1, 97));
  });

  it('gives every section and division a non-empty Chinese name and an English name', () => {
    for (const item of [...data.sections, ...data.divisions]) {
      expect(item.name, item.code).toMatch(CHINESE_NAME);
      expect(item.nameEn, item.code).toMatch(ENGLISH_NAME);
    }
  });

  it('has unique Chinese names within sections and within divisions', () => {
    expect(new Set(data.sections.map((s) => s.name)).size).toBe(20);
    expect(new Set(data.divisions.map((d) => d.name)).size).toBe(97);
  });

  it('uses the 2017 names where the 2011 edition differed', () => {
    const name = (code: string): string | undefined => data.divisions.find((d) => d.code === code)?.name;
    expect(name('05')).toBe('农、林、牧、渔专业及辅助性活动');
    expect(name('11')).toBe('开采专业及辅助性活动');
    expect(name('25')).toBe('石油、煤炭及其他燃料加工业');
    expect(name('39')).toBe('计算机、通信和其他电子设备制造业');
    expect(name('43')).toBe('金属制品、机械和设备修理业');
    expect(name('50')).toBe('建筑装饰、装修和其他建筑业');
    expect(name('58')).toBe('多式联运和运输代理业');
    expect(name('59')).toBe('装卸搬运和仓储业');
    expect(name('65')).toBe('软件和信息技术服务业');
    expect(name('79')).toBe('土地管理业');
    expect(name('87')).toBe('广播、电视、电影和录音制作业');
    expect(name('94')).toBe('社会保障');
    expect(name('96')).toBe('基层群众自治组织及其他组织');
    expect(name('97')).toBe('国际组织');
  });
});
