// The zip layer on its own: yauzl under our limits, with zips built in the test. The same
// limits seen through inspectUpload and readRows are in inspect.test.ts and rows.test.ts.
import { crc32 } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scratch } from '../../../test/fixtures/files/helpers.ts';
import { buildZip, entry, type RawEntry, zerosEntry } from '../../../test/fixtures/files/zipWriter.ts';
import { UploadError } from './errors.ts';
import { DEFAULT_ZIP_LIMITS, InflateBudget, openZip, type ZipLimits } from './zip.ts';

let tmp: Awaited<ReturnType<typeof scratch>>;
beforeAll(async () => {
  tmp = await scratch();
});
afterAll(() => tmp.close());

const limits = (over: Partial<ZipLimits> = {}): ZipLimits => ({ ...DEFAULT_ZIP_LIMITS, ...over });

async function refusal(zip: Buffer, over: Partial<ZipLimits> = {}): Promise<UploadError> {
  const error = await openZip(zip, limits(over)).then(
    async (archive) => {
      await archive.close();
      return undefined;
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UploadError);
  return error as UploadError;
}

/** Every byte `inflate` yields for `name`, or the refusal it ends with, and how many bytes came before it. */
async function inflateAll(
  zip: Buffer,
  name: string,
  budget = new InflateBudget(DEFAULT_ZIP_LIMITS.maxUncompressedBytes),
) {
  const archive = await openZip(zip, DEFAULT_ZIP_LIMITS);
  let yielded = 0;
  const chunks: Buffer[] = [];
  try {
    for await (const chunk of archive.inflate(archive.get(name)!, budget)) {
      yielded += chunk.length;
      chunks.push(chunk);
    }
    return { data: Buffer.concat(chunks), yielded, error: undefined };
  } catch (error) {
    return { data: undefined, yielded, error: error as UploadError };
  } finally {
    await archive.close();
  }
}

/** An Info-ZIP Unicode Path extra field (0x7075) naming the entry `name`. */
function unicodePathExtra(rawName: Buffer, name: string): Buffer {
  const text = Buffer.from(name);
  const field = Buffer.alloc(4 + 5 + text.length);
  field.writeUInt16LE(0x7075, 0);
  field.writeUInt16LE(5 + text.length, 2);
  field.writeUInt8(1, 4);
  field.writeUInt32LE(crc32(rawName), 5);
  text.copy(field, 9);
  return field;
}

describe('opening', () => {
  const parts: RawEntry[] = [entry('a.xml', '<a>甲</a>'), entry('dir/b.bin', Buffer.alloc(3000, 7), { store: true })];

  it('reads the same directory from a file and from a buffer, and inflates stored and deflated entries', async () => {
    const zip = buildZip(parts);
    const fromFile = await openZip(await tmp.file('ab.zip', zip), DEFAULT_ZIP_LIMITS);
    const fromBuffer = await openZip(zip, DEFAULT_ZIP_LIMITS);
    const shape = (a: typeof fromFile) =>
      a.entries.map((e) => [e.name, e.method, e.compressedSize, e.uncompressedSize, e.localHeaderOffset]);
    expect(shape(fromFile)).toEqual(shape(fromBuffer));
    expect(fromFile.entries.map((e) => e.name)).toEqual(['a.xml', 'dir/b.bin']);
    expect(fromBuffer.totalUncompressedBytes).toBe(Buffer.byteLength('<a>甲</a>') + 3000);
    await Promise.all([fromFile.close(), fromBuffer.close()]);

    expect((await inflateAll(zip, 'A.XML')).data?.toString()).toBe('<a>甲</a>'); // names ignore ASCII case
    expect((await inflateAll(zip, 'dir/b.bin')).data).toEqual(Buffer.alloc(3000, 7));
  });

  it('reads an entry of zero bytes', async () => {
    expect((await inflateAll(buildZip([entry('empty', '', { store: true })]), 'empty')).data).toEqual(Buffer.alloc(0));
  });

  it('refuses a zip split over several disks', async () => {
    const e = await refusal(buildZip(parts, { eocd: (r) => r.writeUInt16LE(1, 4) }));
    expect([e.code, e.message]).toEqual(['zip_invalid', '文件不是有效的 xlsx（zip）文件：不支持分卷压缩']);
  });

  it('refuses bytes hidden between the directory records', async () => {
    const zip = buildZip(parts);
    const cdOffset = zip.readUInt32LE(zip.length - 6);
    const eocd = Buffer.from(zip.subarray(zip.length - 22));
    eocd.writeUInt32LE(eocd.readUInt32LE(12) + 8, 12);
    const padded = Buffer.concat([zip.subarray(0, zip.length - 22), Buffer.alloc(8), eocd]);
    expect(padded.readUInt32LE(padded.length - 6)).toBe(cdOffset);
    const e = await refusal(padded);
    expect([e.code, e.message]).toEqual(['zip_invalid', '文件不是有效的 xlsx（zip）文件：zip 目录已损坏']);
  });

  it('refuses a stored entry whose two sizes differ', async () => {
    const stored = entry('s.txt', 'abc', { store: true });
    const e = await refusal(buildZip([{ ...stored, central: { uncompressedSize: 4 } }]));
    expect(e.code).toBe('zip_invalid');
  });

  it('refuses an entry whose data runs past the end of the file', async () => {
    const zip = buildZip([{ ...entry('a.xml', 'x'.repeat(100)), central: { compressedSize: 5000 } }]);
    expect((await refusal(zip)).code).toBe('zip_invalid');
  });
});

describe('limits', () => {
  it('refuses more entries than the limit from the end record, and accepts exactly the limit', async () => {
    const zip = buildZip(Array.from({ length: 5 }, (_, i) => entry(`e${i}`, 'x', { store: true })));
    expect((await openZip(zip, limits({ maxEntries: 5 }))).entries).toHaveLength(5);
    const e = await refusal(zip, { maxEntries: 4 });
    expect([e.code, e.message]).toEqual([
      'zip_too_many_entries',
      '文件内含 5 个条目，超过上限 4 个，不像正常的 Excel 文件',
    ]);
  });

  it('refuses a declared total over the limit, and accepts exactly the limit', async () => {
    const zip = buildZip([
      entry('a', Buffer.alloc(600, 1), { store: true }),
      entry('b', Buffer.alloc(400, 2), { store: true }),
    ]);
    expect((await openZip(zip, limits({ maxUncompressedBytes: 1000 }))).totalUncompressedBytes).toBe(1000);
    const e = await refusal(zip, { maxUncompressedBytes: 999 });
    expect([e.code, e.message]).toEqual([
      'zip_too_large_uncompressed',
      '文件解压后共 0.98 KB，超过上限 0.98 KB，疑似“压缩炸弹”，已拒绝',
    ]);
  });

  it('refuses an entry by its declared compression ratio, only above the size the ratio applies from', async () => {
    const zeros = await zerosEntry('xl/worksheets/sheet1.xml', 2 * 1024 * 1024);
    const zip = buildZip([zeros]);
    const e = await refusal(zip);
    expect(e.code).toBe('zip_compression_ratio');
    expect(e.message).toMatch(
      /^文件内的条目“xl\/worksheets\/sheet1\.xml”压缩比为 \d+:1（[\d.]+ KB 解压为 2 MB），超过上限 200:1/,
    );
    // The same entry is allowed when entries of its size are not held to a ratio.
    expect((await openZip(zip, limits({ ratioCheckMinBytes: 2 * 1024 * 1024 }))).entries).toHaveLength(1);
  });

  it('stops inflating an entry that lies about its size at the size it declared', async () => {
    // 8 MB of zeros declared as 10,000 bytes: the directory's ratio and total look harmless.
    const zeros = await zerosEntry('bomb.xml', 8 * 1024 * 1024);
    const zip = buildZip([{ ...zeros, uncompressedSize: 10_000 }]);
    const { yielded, error } = await inflateAll(zip, 'bomb.xml');
    expect(error).toMatchObject({ code: 'zip_size_mismatch' });
    expect(error?.message).toContain('实际解压大小超过其声明的 9.77 KB');
    expect(yielded).toBeLessThanOrEqual(10_000);
  });

  it('stops as soon as the inflated bytes of the whole read pass the budget, across entries', async () => {
    const a = Buffer.alloc(100_000, 'a');
    const zip = buildZip([entry('a', a), entry('b', a)]);
    const archive = await openZip(zip, DEFAULT_ZIP_LIMITS);
    const budget = new InflateBudget(150_000);
    let yielded = 0;
    for await (const chunk of archive.inflate(archive.get('a')!, budget)) yielded += chunk.length;
    expect(yielded).toBe(100_000);
    const second = async () => {
      for await (const chunk of archive.inflate(archive.get('b')!, budget)) yielded += chunk.length;
    };
    await expect(second()).rejects.toMatchObject({
      code: 'zip_too_large_uncompressed',
      message: '文件解压后超过上限 146.48 KB，疑似“压缩炸弹”，已停止读取',
    });
    expect(yielded).toBeLessThanOrEqual(150_000);
    expect(budget.bytes).toBeGreaterThan(150_000);
    await archive.close();
  });

  it.each([
    ['../evil', '名称含有 “..” 上级目录'],
    ['a/../../evil', '名称含有 “..” 上级目录'],
    ['/abs', '名称是绝对路径'],
    ['D:/abs', '名称是绝对路径'],
    ['a\\b', '名称含有反斜杠'],
    ['a\u0000b', '名称含有 NUL 字符'],
    ['', '名称为空'],
  ])('refuses the entry name %j', async (name, reason) => {
    const e = await refusal(buildZip([entry('ok.xml', 'x'), entry(name, 'x')]));
    expect(e.code).toBe('zip_unsafe_entry_name');
    expect(e.message).toContain(`（${reason}），已拒绝`);
  });

  it('judges the name written in the directory, not a Unicode Path extra field', async () => {
    const evil = Buffer.from('../evil');
    const disguised = { ...entry(evil, 'x'), extra: unicodePathExtra(evil, 'xl/fine.xml') };
    expect((await refusal(buildZip([disguised]))).code).toBe('zip_unsafe_entry_name');
    const fine = Buffer.from('xl/fine.xml');
    const archive = await openZip(
      buildZip([{ ...entry(fine, 'x'), extra: unicodePathExtra(fine, '../evil') }]),
      DEFAULT_ZIP_LIMITS,
    );
    expect(archive.entries.map((e) => e.name)).toEqual(['xl/fine.xml']);
    await archive.close();
  });

  it('refuses duplicate names, exactly alike or differing in case', async () => {
    for (const second of ['xl/a.xml', 'XL/A.xml']) {
      const e = await refusal(buildZip([entry('xl/a.xml', 'x'), entry(second, 'y')]));
      expect([e.code, e.message]).toEqual(['zip_duplicate_entry', `文件内有重复的条目“${second}”，结构可疑，已拒绝`]);
    }
  });

  it('refuses entries encrypted the traditional way, with AES, or with strong encryption', async () => {
    const plain = entry('xl/secret.xml', 'x');
    for (const encrypted of [
      { ...plain, flags: 0x0801 },
      { ...plain, method: 99 },
      { ...plain, flags: 0x0841 },
    ]) {
      expect((await refusal(buildZip([encrypted]))).code).toBe('zip_encrypted');
    }
  });
});
