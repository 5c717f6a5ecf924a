import { describe, expect, it } from 'vitest';
import {
  columnLetter,
  duplicateColumnMessage,
  duplicateUsccMessage,
  missingColumnsMessage,
  NO_DATA_ROWS_MESSAGE,
  regionNotFoundMessage,
  regionOutOfScopeMessage,
  unknownColumnMessage,
} from './messages.ts';

describe('file-level messages', () => {
  it('word the server-side checks like the row checks', () => {
    expect(regionNotFoundMessage('350199')).toBe('行政区划代码“350199”不存在，请核对是否为现行的统计用区划代码');
    expect(regionOutOfScopeMessage('350203')).toBe('行政区划代码“350203”不在您的数据范围内，不能导入该地区的企业');
    expect(duplicateUsccMessage('91350100M000100Y43', [3, 9])).toBe(
      '统一社会信用代码“91350100M000100Y43”在文件中重复出现（第 3 行、第 9 行），同一企业只能占一行',
    );
    expect(missingColumnsMessage(['uscc', 'memberCount'])).toBe(
      '表头缺少必填列：统一社会信用代码、党员数（表头须在第 1 行）',
    );
    expect(duplicateColumnMessage('党员数', [3, 28])).toBe(
      '列“党员数”在表头中重复出现（第 3 列（C 列）、第 28 列（AB 列）），请只保留一列',
    );
    expect(unknownColumnMessage('备注', 20)).toBe('无法识别第 20 列（T 列）“备注”，该列已忽略');
    expect(NO_DATA_ROWS_MESSAGE).toBe('文件中没有数据行：第 1 行为表头，其后至少需要一行企业数据');
  });
});

describe('columnLetter', () => {
  it('counts like Excel', () => {
    expect([1, 26, 27, 52, 53, 702, 703, 16384].map(columnLetter)).toEqual([
      'A',
      'Z',
      'AA',
      'AZ',
      'BA',
      'ZZ',
      'AAA',
      'XFD',
    ]);
    expect(() => columnLetter(0)).toThrow(RangeError);
    expect(() => columnLetter(1.5)).toThrow(RangeError);
  });
});
