import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, MB, scratch } from '../../../test/fixtures/files/helpers.ts';
import { buildZip, entry, inline, sheetXml, workbookParts } from '../../../test/fixtures/files/zipWriter.ts';
import { formatSize, UploadError } from './errors.ts';
import { describeContent, inspectUpload, uploadKind } from './inspect.ts';

let tmp: Awaited<ReturnType<typeof scratch>>;
beforeAll(async () => {
  tmp = await scratch();
});
afterAll(() => tmp.close());

const LIMIT = { maxBytes: 20 * MB };
const minimalBook = () => workbookParts([{ name: 'Sheet1', file: 'sheet1.xml', xml: sheetXml('') }]);

/** Runs `inspectUpload` expecting a refusal; returns it for the message to be checked. */
async function refusal(path: string, name: string, opts: Parameters<typeof inspectUpload>[2] = LIMIT) {
  const error = await inspectUpload(path, name, opts).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UploadError);
  return error as UploadError;
}

describe('accepted files', () => {
  it.each([
    ['valid.xlsx', 'xlsx'],
    ['order.xlsx', 'xlsx'],
    ['proto-header.xlsx', 'xlsx'],
    ['bom.csv', 'csv'],
    ['gb18030.csv', 'csv'],
    ['quoted.csv', 'csv'],
  ] as const)('%s is %s, with its size and SHA-256', async (name, kind) => {
    const bytes = await readFile(fixture(name));
    const result = await inspectUpload(fixture(name), name, LIMIT);
    expect(result).toEqual({
      kind,
      size: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    });
  });

  it('takes the extension in any case, from a name that carries a path', async () => {
    expect((await inspectUpload(fixture('valid.xlsx'), 'C:\\Users\\张三\\Desktop\\企业台账.XLSX', LIMIT)).kind).toBe(
      'xlsx',
    );
    expect((await inspectUpload(fixture('bom.csv'), ' 台账.Csv ', LIMIT)).kind).toBe('csv');
  });

  it('passes the lying bomb, whose directory looks harmless (readRows catches it)', async () => {
    expect((await inspectUpload(fixture('bomb-lying.xlsx'), 'a.xlsx', LIMIT)).kind).toBe('xlsx');
  });
});

describe('size', () => {
  it('refuses a file over the limit, naming both sizes in MB, with status 413', async () => {
    const path = await tmp.file('big.csv', Buffer.alloc(Math.round(1.5 * MB), 'a'));
    const e = await refusal(path, 'big.csv', { maxBytes: 1 * MB });
    expect([e.code, e.status]).toEqual(['file_too_large', 413]);
    expect(e.message).toBe('文件大小为 1.5 MB，超过上限 1 MB');
  });

  it('accepts a file of exactly the limit', async () => {
    const path = await tmp.file('exact.csv', Buffer.alloc(1000, 'a'));
    expect((await inspectUpload(path, 'exact.csv', { maxBytes: 1000 })).size).toBe(1000);
  });

  it('refuses an empty file', async () => {
    const e = await refusal(await tmp.file('empty.csv', ''), 'empty.csv');
    expect([e.code, e.message]).toEqual(['file_empty', '文件是空的（0 字节）']);
  });

  it('formats sizes', () => {
    expect([formatSize(20 * MB), formatSize(500 * MB), formatSize(1.25 * MB), formatSize(1536)]).toEqual([
      '20 MB',
      '500 MB',
      '1.25 MB',
      '1.5 KB',
    ]);
  });
});

describe('extension', () => {
  it.each([
    [
      '企业.xls',
      '只能上传 .xlsx 或 .csv 文件，“企业.xls”的扩展名是 .xls。请在 Excel 或 WPS 中打开后“另存为” .xlsx 再上传',
    ],
    [
      '企业.et',
      '只能上传 .xlsx 或 .csv 文件，“企业.et”的扩展名是 .et。请在 Excel 或 WPS 中打开后“另存为” .xlsx 再上传',
    ],
    ['企业.pdf', '只能上传 .xlsx 或 .csv 文件，“企业.pdf”的扩展名是 .pdf'],
    ['企业.xlsx.exe', '只能上传 .xlsx 或 .csv 文件，“企业.xlsx.exe”的扩展名是 .exe'],
    ['企业台账', '只能上传 .xlsx 或 .csv 文件，“企业台账”没有扩展名'],
    ['.xlsx', '只能上传 .xlsx 或 .csv 文件，“.xlsx”没有扩展名'],
  ])('refuses %s', async (name, message) => {
    const e = await refusal(fixture('valid.xlsx'), name);
    expect([e.code, e.status, e.message]).toEqual(['unsupported_extension', 400, message]);
    expect(() => uploadKind(name)).toThrow(UploadError);
  });
});

describe('content that is not what the extension says', () => {
  it.each([
    ['xls-renamed.xlsx', '文件扩展名为 .xlsx，但内容不是 xlsx（看起来是旧版 .xls 文件）'],
    ['pdf-renamed.xlsx', '文件扩展名为 .xlsx，但内容不是 xlsx（看起来是 PDF 文件）'],
    ['bom.csv', '文件扩展名为 .xlsx，但内容不是 xlsx（看起来是文本文件（如 CSV））'],
  ])('%s named .xlsx', async (file, message) => {
    const e = await refusal(fixture(file), '企业.xlsx');
    expect(e.code).toBe('content_mismatch');
    expect(e.message).toBe(`${message}。请在 Excel 或 WPS 中打开后“另存为” .xlsx 再上传`);
  });

  it('says when a .xlsx is really a password-protected workbook (also OLE2)', async () => {
    const ole = await readFile(fixture('xls-renamed.xlsx'));
    const encrypted = Buffer.concat([ole, Buffer.from('EncryptedPackage', 'utf16le')]);
    const e = await refusal(await tmp.file('enc.xlsx', encrypted), 'enc.xlsx');
    expect(e.message).toContain('看起来是受密码保护的 Excel 文件，请先取消密码');
  });

  it.each([
    [
      'zip-renamed.csv',
      '看起来是 zip 压缩包，可能是改了扩展名的 .xlsx 文件）。若是 Excel 文件，请把扩展名改为 .xlsx 再上传',
    ],
    ['xls-renamed.xlsx', '看起来是旧版 .xls 文件）'],
    ['pdf-renamed.xlsx', '看起来是 PDF 文件）'],
  ])('%s named .csv', async (file, detail) => {
    const e = await refusal(fixture(file), '企业.csv');
    expect(e.code).toBe('content_mismatch');
    expect(e.message).toContain(`文件扩展名为 .csv，但内容不是 csv（${detail}`);
  });

  it('refuses a .csv with NUL bytes in its first 8 KB', async () => {
    const path = await tmp.file('nul.csv', Buffer.concat([Buffer.from('企业名称,人数\n甲'), Buffer.from([0, 1, 2])]));
    const e = await refusal(path, 'nul.csv');
    expect([e.code, e.message]).toEqual([
      'content_mismatch',
      '文件扩展名为 .csv，但内容不是 csv（看起来是二进制文件）。请上传 .xlsx 文件，或在 Excel 中另存为“CSV UTF-8（逗号分隔）”再上传',
    ]);
  });

  it('refuses a UTF-16 .csv (Excel "Unicode text") with the way out', async () => {
    const path = await tmp.file(
      'u16.csv',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('名称\t人数\r\n', 'utf16le')]),
    );
    const e = await refusal(path, 'u16.csv');
    expect(e.code).toBe('csv_encoding');
    expect(e.message).toContain('UTF-16');
    expect(e.message).toContain('CSV UTF-8（逗号分隔）');
  });

  it('refuses a web page saved as .csv', async () => {
    const path = await tmp.file('page.csv', '\ufeff<html><body><table><tr><td>企业</td></tr></table></body></html>');
    expect((await refusal(path, 'page.csv')).message).toContain('看起来是网页（HTML）文件');
  });

  it('describes other common files', () => {
    const d = (...bytes: number[]) => describeContent(Buffer.from(bytes));
    expect(d(0x52, 0x61, 0x72, 0x21, 0x1a, 0x07, 0x00)).toBe('RAR 压缩包');
    expect(d(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a)).toBe('PNG 图片');
    expect(d(0xff, 0xd8, 0xff, 0xe0)).toBe('JPEG 图片');
    expect(d(0x1f, 0x8b, 0x08)).toBe('gzip 压缩文件');
    expect(
      describeContent(
        Buffer.from('<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet">'),
      ),
    ).toBe('Excel 2003 XML 表格');
    expect(describeContent(Buffer.from('企业名称,人数\n甲,1\n'))).toBeUndefined();
  });

  it('tells a web page by its start tags, whole names only', () => {
    const d = (text: string) => describeContent(Buffer.from(text));
    expect(['<!DOCTYPE html>', '<html>', '<TABLE border=1>', '<meta charset="utf-8">', '<head'].map(d)).toEqual(
      Array(5).fill('网页（HTML）文件，有的系统导出的“Excel”其实是网页'),
    );
    expect(['<tables>', '<htmlish/>', '<?xml version="1.0"?><root/>'].map(d)).toEqual(Array(3).fill('XML 文件'));
  });

  it('names the kind of zip that has no workbook', async () => {
    const docx = buildZip([entry('[Content_Types].xml', '<Types/>'), entry('word/document.xml', '<w:document/>')]);
    const e = await refusal(await tmp.file('doc.xlsx', docx), 'doc.xlsx');
    expect([e.code, e.message]).toEqual([
      'content_mismatch',
      '文件扩展名为 .xlsx，但内容不是 xlsx（看起来是 Word 文档（.docx））。缺少 xl/workbook.xml。请在 Excel 或 WPS 中打开后“另存为” .xlsx 再上传',
    ]);
  });

  it('refuses a workbook without [Content_Types].xml', async () => {
    const zip = buildZip(minimalBook().filter((e) => e.name !== '[Content_Types].xml'));
    const e = await refusal(await tmp.file('noct.xlsx', zip), 'noct.xlsx');
    expect([e.code, e.message]).toEqual([
      'xlsx_missing_part',
      '文件不是有效的 xlsx：缺少 [Content_Types].xml。请在 Excel 或 WPS 中打开后“另存为” .xlsx 再上传',
    ]);
  });
});

describe('the zip directory, read before anything is unpacked', () => {
  it('refuses a bomb by its compression ratio', async () => {
    const e = await refusal(fixture('bomb.xlsx'), 'bomb.xlsx');
    expect(e.code).toBe('zip_compression_ratio');
    expect(e.message).toMatch(
      /^文件内的条目“xl\/worksheets\/sheet1\.xml”压缩比为 \d+:1（[\d.]+ KB 解压为 520 MB），超过上限 200:1，疑似“压缩炸弹”，已拒绝$/,
    );
  });

  it('refuses a bomb by its declared total when the ratio is allowed', async () => {
    const e = await refusal(fixture('bomb.xlsx'), 'bomb.xlsx', { ...LIMIT, maxCompressionRatio: 10_000 });
    expect([e.code, e.message]).toEqual([
      'zip_too_large_uncompressed',
      '文件解压后共 520 MB，超过上限 500 MB，疑似“压缩炸弹”，已拒绝',
    ]);
  });

  it('takes its limits from the options', async () => {
    const small = await refusal(fixture('valid.xlsx'), 'v.xlsx', { ...LIMIT, maxUncompressedBytes: 1000 });
    expect(small.code).toBe('zip_too_large_uncompressed');
    const few = await refusal(fixture('valid.xlsx'), 'v.xlsx', { ...LIMIT, maxEntries: 3 });
    expect(few.code).toBe('zip_too_many_entries');
    expect(few.message).toMatch(/^文件内含 \d+ 个条目，超过上限 3 个，不像正常的 Excel 文件$/);
    const ratio = await refusal(fixture('valid.xlsx'), 'v.xlsx', {
      ...LIMIT,
      maxCompressionRatio: 1,
      ratioCheckMinBytes: 100,
    });
    expect(ratio.code).toBe('zip_compression_ratio');
  });

  it('allows a high ratio on a small entry', async () => {
    const zip = buildZip([...minimalBook(), entry('xl/media/blank.bin', Buffer.alloc(512 * 1024))]);
    expect((await inspectUpload(await tmp.file('r.xlsx', zip), 'r.xlsx', LIMIT)).kind).toBe('xlsx');
  });

  it('refuses more than 10,000 entries by default', async () => {
    const many = Array.from({ length: 10_001 - minimalBook().length }, (_, i) =>
      entry(`xl/media/${i}.txt`, '', { store: true }),
    );
    const e = await refusal(await tmp.file('many.xlsx', buildZip([...minimalBook(), ...many])), 'many.xlsx');
    expect([e.code, e.message]).toEqual([
      'zip_too_many_entries',
      '文件内含 10001 个条目，超过上限 10000 个，不像正常的 Excel 文件',
    ]);
  });

  it.each([
    ['../evil', '名称含有 “..” 上级目录'],
    ['xl/../../evil', '名称含有 “..” 上级目录'],
    ['/etc/passwd', '名称是绝对路径'],
    ['C:/Windows/evil.dll', '名称是绝对路径'],
    ['xl\\..\\evil', '名称含有反斜杠'],
    ['xl/a\u0000.xml', '名称含有 NUL 字符'],
    ['xl/a\u0007.xml', '名称含有控制字符'],
    [`xl/${'a'.repeat(253)}`, '名称超过 255 字节'],
  ])('refuses the entry name %j', async (name, reason) => {
    const zip = buildZip([...minimalBook(), entry(name, 'x')]);
    const e = await refusal(await tmp.file('name.xlsx', zip), 'name.xlsx');
    expect(e.code).toBe('zip_unsafe_entry_name');
    expect(e.message).toContain(`（${reason}），已拒绝`);
  });

  it('refuses the traversal fixture, naming the entry', async () => {
    const e = await refusal(fixture('traversal.xlsx'), 'traversal.xlsx');
    expect([e.code, e.message]).toEqual([
      'zip_unsafe_entry_name',
      '文件内含不安全的条目名“../evil”（名称含有 “..” 上级目录），已拒绝',
    ]);
  });

  it('accepts a name of exactly 255 bytes, and one that is not UTF-8 is refused', async () => {
    const ok = buildZip([...minimalBook(), entry(`xl/${'a'.repeat(252)}`, 'x')]);
    expect((await inspectUpload(await tmp.file('255.xlsx', ok), 'a.xlsx', LIMIT)).kind).toBe('xlsx');
    const bad = buildZip([...minimalBook(), entry(Buffer.from([0x78, 0x6c, 0x2f, 0xc6, 0xf3]), 'x')]);
    expect((await refusal(await tmp.file('gbk.xlsx', bad), 'a.xlsx')).message).toContain('名称不是有效的 UTF-8 文本');
  });

  it('refuses two entries with the same name, whatever the case', async () => {
    const zip = buildZip([...minimalBook(), entry('XL/Workbook.xml', '<workbook/>')]);
    const e = await refusal(await tmp.file('dup.xlsx', zip), 'dup.xlsx');
    expect([e.code, e.message]).toEqual([
      'zip_duplicate_entry',
      '文件内有重复的条目“XL/Workbook.xml”，结构可疑，已拒绝',
    ]);
  });

  it('refuses encrypted entries', async () => {
    const zip = buildZip([...minimalBook(), { ...entry('xl/secret.xml', 'x'), flags: 0x0801 }]);
    const e = await refusal(await tmp.file('enc.xlsx', zip), 'enc.xlsx');
    expect([e.code, e.message]).toEqual([
      'zip_encrypted',
      '文件内的条目“xl/secret.xml”已加密，系统无法读取加密的压缩内容',
    ]);
  });

  it('refuses AES-encrypted entries (method 99)', async () => {
    const zip = buildZip([...minimalBook(), { ...entry('xl/secret.xml', 'x'), method: 99 }]);
    expect((await refusal(await tmp.file('aes.xlsx', zip), 'aes.xlsx')).code).toBe('zip_encrypted');
  });

  it('refuses compression methods other than stored and deflate', async () => {
    const zip = buildZip([...minimalBook(), { ...entry('xl/b.xml', 'x'), method: 12 }]);
    const e = await refusal(await tmp.file('bz.xlsx', zip), 'bz.xlsx');
    expect(e.code).toBe('zip_unsupported_method');
    expect(e.message).toContain('不支持的压缩方式（12）');
  });

  describe('ZIP64', () => {
    const message =
      '文件使用了 ZIP64 格式，系统不支持：正常的 Excel 文件用不到这种格式，此文件结构可疑。请在 Excel 中打开后另存为 .xlsx 再上传';
    it('refuses a ZIP64 end-of-directory locator', async () => {
      const zip = buildZip(minimalBook(), { zip64Locator: true });
      const e = await refusal(await tmp.file('z64.xlsx', zip), 'z64.xlsx');
      expect([e.code, e.message]).toEqual(['zip64_unsupported', message]);
    });
    it('refuses 0xFFFF placeholders in the end record', async () => {
      const zip = buildZip(minimalBook(), { eocd: (r) => r.writeUInt16LE(0xffff, 10) });
      expect((await refusal(await tmp.file('z64b.xlsx', zip), 'z.xlsx')).code).toBe('zip64_unsupported');
    });
    it('refuses an entry with a ZIP64 extra field or 0xFFFFFFFF sizes', async () => {
      const extra = Buffer.alloc(20);
      extra.writeUInt16LE(0x0001, 0);
      extra.writeUInt16LE(16, 2);
      const a = buildZip([...minimalBook(), { ...entry('xl/x.xml', 'x'), extra }]);
      expect((await refusal(await tmp.file('z64c.xlsx', a), 'z.xlsx')).code).toBe('zip64_unsupported');
      const b = buildZip([...minimalBook(), { ...entry('xl/x.xml', 'x'), central: { uncompressedSize: 0xffffffff } }]);
      expect((await refusal(await tmp.file('z64d.xlsx', b), 'z.xlsx')).code).toBe('zip64_unsupported');
    });
  });

  describe('broken or crafted structure', () => {
    it('refuses a truncated file (no end record)', async () => {
      const whole = await readFile(fixture('valid.xlsx'));
      const e = await refusal(await tmp.file('cut.xlsx', whole.subarray(0, whole.length - 30)), 'cut.xlsx');
      expect([e.code, e.message]).toEqual([
        'zip_invalid',
        '文件不是有效的 xlsx（zip）文件：找不到 zip 目录（文件可能已损坏或被截断）',
      ]);
    });

    it('refuses data after the end record and a directory out of place', async () => {
      const whole = await readFile(fixture('valid.xlsx'));
      const trailing = await tmp.file('trail.xlsx', Buffer.concat([whole, Buffer.from('junk')]));
      expect((await refusal(trailing, 'a.xlsx')).code).toBe('zip_invalid');
      const moved = buildZip(minimalBook(), { eocd: (r) => r.writeUInt32LE(r.readUInt32LE(16) - 1, 16) });
      expect((await refusal(await tmp.file('moved.xlsx', moved), 'a.xlsx')).message).toContain('zip 目录位置不正确');
    });

    it('refuses overlapping entries (the "overlapping files" bomb)', async () => {
      const kernel = entry('xl/worksheets/sheet1.xml', Buffer.alloc(100_000, 'a'));
      const parts = minimalBook().slice(0, -1);
      const zip = buildZip([...parts, kernel]);
      // A second directory record pointing at the first entry's local header.
      const cdOffset = zip.readUInt32LE(zip.length - 6);
      const records = zip.subarray(cdOffset, zip.length - 22);
      const last = records.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
      const copy = Buffer.from(records.subarray(last));
      copy.write('B', 46 + 'xl/worksheets/sheet'.length); // another name: xl/worksheets/sheetB.xml
      const eocd = Buffer.from(zip.subarray(zip.length - 22));
      eocd.writeUInt16LE(eocd.readUInt16LE(8) + 1, 8);
      eocd.writeUInt16LE(eocd.readUInt16LE(10) + 1, 10);
      eocd.writeUInt32LE(records.length + copy.length, 12);
      const overlapping = Buffer.concat([zip.subarray(0, zip.length - 22), copy, eocd]);
      const e = await refusal(await tmp.file('overlap.xlsx', overlapping), 'o.xlsx');
      expect(e.code).toBe('zip_invalid');
      expect(e.message).toContain('的数据与其他部分重叠');
    });

    it('refuses an empty zip named .xlsx', async () => {
      const e = await refusal(await tmp.file('empty.xlsx', buildZip([])), 'empty.xlsx');
      expect(e.message).toContain('看起来是 zip 压缩包）');
    });
  });

  it('accepts a workbook with stored media', async () => {
    const parts = [...minimalBook(), entry('xl/media/image1.png', Buffer.alloc(2000, 7), { store: true })];
    parts[parts.length - 2] = entry(
      'xl/worksheets/sheet1.xml',
      sheetXml(`<row r="1">${inline('A1', '企业名称')}</row>`),
    );
    const result = await inspectUpload(await tmp.file('media.xlsx', buildZip(parts)), 'm.xlsx', LIMIT);
    expect(result.kind).toBe('xlsx');
  });
});
