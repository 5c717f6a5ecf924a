// Our .xlsx reader in detail: cell types, shared strings, date styles, XML it must take apart
// whatever the chunks, and XML it must refuse. readRows' contract as a whole is in rows.test.ts.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scratch } from '../../../test/fixtures/files/helpers.ts';
import {
  buildZip,
  entry,
  inline,
  type RawEntry,
  sheetXml,
  workbookParts,
} from '../../../test/fixtures/files/zipWriter.ts';
import type { SheetRow } from './cells.ts';
import { UploadError } from './errors.ts';
import { readRows } from './rows.ts';
import { SharedStrings } from './sharedStrings.ts';
import { excelDate, SheetReader } from './sheet.ts';
import { isDateFormatCode } from './styles.ts';
import { MAX_WORKBOOK_PART_BYTES } from './xlsxParts.ts';
import { XmlScanner } from './xml.ts';
import { Bytes } from './xmlText.ts';

let tmp: Awaited<ReturnType<typeof scratch>>;
beforeAll(async () => {
  tmp = await scratch();
});
afterAll(() => tmp.close());

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

interface Book {
  sheet: string;
  sharedStrings?: string;
  styles?: string;
  /** Replaces the workbook part. */
  workbook?: string;
  /** Replaces (or adds) these parts, stored uncompressed so that the ratio limit never applies. */
  parts?: Record<string, string | Buffer>;
}

async function read(book: Book): Promise<[number, unknown[]][]> {
  let parts: RawEntry[] = workbookParts([{ name: 'Sheet1', file: 'sheet1.xml', xml: book.sheet }]);
  if (book.workbook) {
    const workbook = book.workbook;
    parts = parts.map((p) => (p.name === 'xl/workbook.xml' ? entry('xl/workbook.xml', workbook) : p));
  }
  if (book.sharedStrings) parts.push(entry('xl/sharedStrings.xml', book.sharedStrings));
  if (book.styles) parts.push(entry('xl/styles.xml', book.styles));
  for (const [name, data] of Object.entries(book.parts ?? {})) {
    parts = [...parts.filter((p) => p.name !== name), entry(name, data, { store: true })];
  }
  const path = await tmp.file('book.xlsx', buildZip(parts));
  const rows: [number, unknown[]][] = [];
  for await (const row of readRows(path, 'xlsx')) rows.push([row.rowNumber, row.cells]);
  return rows;
}

async function refusal(book: Book): Promise<UploadError> {
  const error = await read(book).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UploadError);
  return error as UploadError;
}

const sst = (...items: string[]) => `<sst xmlns="${NS}">${items.join('')}</sst>`;

/** A styles part whose cell styles 0, 1, 2… have these number formats; `custom` defines codes. */
function styles(formatIds: number[], custom: Record<number, string> = {}): string {
  const fmts = Object.entries(custom)
    .map(([id, code]) => `<numFmt numFmtId="${id}" formatCode="${code}"/>`)
    .join('');
  return (
    `<styleSheet xmlns="${NS}"><numFmts count="${Object.keys(custom).length}">${fmts}</numFmts>` +
    // cellStyleXfs come first in the part and are not the cells' styles.
    '<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>' +
    `<cellXfs count="${formatIds.length}">${formatIds.map((id) => `<xf numFmtId="${id}" xfId="0"/>`).join('')}</cellXfs>` +
    // A conditional format's number format is not a cell style's.
    '<dxfs count="1"><dxf><numFmt numFmtId="1" formatCode="yyyy"/></dxf></dxfs></styleSheet>'
  );
}

describe('cell values', () => {
  it('reads every cell type', async () => {
    const rows = await read({
      sheet: sheetXml(
        '<row r="1">' +
          '<c r="A1" t="s"><v>0</v></c>' +
          '<c r="B1" t="str"><f>A1&amp;"x"</f><v>甲x</v></c>' +
          '<c r="C1" t="b"><v>1</v></c>' +
          '<c r="D1" t="b"><v>0</v></c>' +
          '<c r="E1" t="e"><v>#N/A</v></c>' +
          '<c r="F1"><v>-12.5</v></c>' +
          '<c r="G1" t="n"><v>1E3</v></c>' +
          '<c r="H1" t="d"><v>2019-03-01</v></c>' +
          '<c r="I1"><f>SUM(F1:G1)</f><v>987.5</v></c>' +
          '<c r="J1"><f>NOW()</f></c>' +
          '<c r="K1"><f t="shared" si="0"/><v>3</v></c>' +
          '<c r="L1" t="e"><f>1/0</f><v>#DIV/0!</v></c>' +
          '<c r="M1" t="inlineStr"><is><t>内联</t></is></c>' +
          '<c r="N1" s="0"/>' +
          '<c r="O1"><v>0012</v></c>' +
          '</row>',
      ),
      sharedStrings: sst('<si><t>甲</t></si>'),
    });
    expect(rows).toEqual([
      [
        1,
        [
          '甲',
          { formula: 'A1&"x"', result: '甲x' },
          true,
          false,
          { error: '#N/A' },
          -12.5,
          1000,
          new Date('2019-03-01T00:00:00Z'),
          { formula: 'SUM(F1:G1)', result: 987.5 },
          { formula: 'NOW()' },
          { formula: '', result: 3 },
          { formula: '1/0', result: { error: '#DIV/0!' } },
          '内联',
          null,
          12,
        ],
      ],
    ]);
  });

  it('places cells by their reference, or after the previous cell; rows without r follow the previous row', async () => {
    const rows = await read({
      sheet: sheetXml(
        `<row r="2">${inline('C2', 'c')}<c t="inlineStr"><is><t>d</t></is></c>${inline('f2', 'f')}</row>` +
          `<row>${inline('B3', 'b')}</row>` +
          '<row r="5"/>' +
          `<row><c><v>1</v></c><c><v>2</v></c></row>` +
          `<row r="9">${inline('A9', '先')}${inline('A9', '后')}</row>`,
      ),
    });
    expect(rows).toEqual([
      [2, [null, null, 'c', 'd', null, 'f']],
      [3, [null, 'b']],
      [6, [1, 2]],
      [9, ['后']],
    ]);
  });

  it('reads namespace prefixes, entities, CDATA, comments and CR LF in text', async () => {
    const rows = await read({
      sheet:
        '<?xml version="1.0" encoding="UTF-8"?>\n' +
        `<x:worksheet xmlns:x="${NS}"><x:sheetData><!-- 数据 --><x:row r="1">` +
        '<x:c r="A1" t="inlineStr"><x:is><x:t>&lt;甲&amp;乙&gt; &quot;&apos; &#20225;&#x4E1A; &#x1F600;</x:t></x:is></x:c>' +
        '<x:c r="B1" t="inlineStr"><x:is><x:t><![CDATA[a&amp;<b>]]></x:t></x:is></x:c>' +
        '<x:c r="C1" t="str"><x:v>一\r\n二\r三</x:v></x:c>' +
        '</x:row></x:sheetData></x:worksheet>',
    });
    expect(rows).toEqual([[1, ['<甲&乙> "\' 企业 😀', 'a&amp;<b>', '一\n二\n三']]]);
  });

  it('joins rich-text runs and leaves out phonetic runs, in shared and in inline strings', async () => {
    const rich = '<r><rPr><b/><rFont val="宋体"/></rPr><t>宜昌</t></r><r><t xml:space="preserve"> 示例 </t></r>';
    const rows = await read({
      sheet: sheetXml(
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c>' +
          `<c r="D1" t="s"><v>3</v></c><c r="E1" t="inlineStr"><is>${rich}<rPh sb="0" eb="1"><t>ぎ</t></rPh></is></c></row>`,
      ),
      sharedStrings: sst(
        `<si>${rich}</si>`,
        '<si><t>漢字</t><rPh sb="0" eb="2"><t>かんじ</t></rPh><phoneticPr fontId="1"/></si>',
        '<si/>',
        '<si><t>__proto__</t></si>',
      ),
    });
    expect(rows).toEqual([[1, ['宜昌 示例 ', '漢字', '', '__proto__', '宜昌 示例 ']]]);
  });

  it('keeps the shared strings as UTF-8 bytes, one string made per use', () => {
    const strings = new SharedStrings(0);
    const raw = new Bytes(16, 1024, 'x');
    for (const text of ['企业', '', 'a&amp;b', '😀']) {
      raw.reset();
      raw.append(Buffer.from(text), 0, Buffer.byteLength(text));
      strings.add(raw);
    }
    expect([strings.size, strings.byteLength]).toEqual([4, 6 + 3 + 4]);
    expect([0, 1, 2, 3].map((i) => strings.get(i))).toEqual(['企业', '', 'a&b', '😀']);
    expect(() => strings.get(4)).toThrow('共享字符串编号 4 超出共享字符串表（共 4 个）');
  });
});

describe('dates', () => {
  const serials = (n: number) =>
    `<row r="1">${Array.from({ length: n }, (_, i) => `<c r="${String.fromCharCode(65 + i)}1" s="${i}"><v>43525</v></c>`).join('')}</row>`;

  it('makes a Date of a number whose style has a date format, built in or custom', async () => {
    const formats = [0, 14, 22, 31, 57, 45, 2, 164, 165, 166, 167, 168, 169];
    const custom = {
      164: 'yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;',
      165: '[$-F800]dddd\\,\\ mmmm\\ dd\\,\\ yyyy',
      166: '0.00_);[Red]\\(0.00\\)',
      167: '#,##0&quot;元&quot;',
      168: 'YYYY-MM-DD',
      169: '[h]&quot;小时&quot;',
      31: '0.0', // a custom code for a built-in id wins
    };
    const rows = await read({ sheet: sheetXml(serials(formats.length)), styles: styles(formats, custom) });
    const date = new Date('2019-03-01T00:00:00Z');
    expect(rows).toEqual([[1, [43525, date, date, 43525, date, date, 43525, date, date, 43525, 43525, date, 43525]]]);
  });

  it('counts from 1904 in a 1904 workbook, and the time of day is kept', async () => {
    const workbook =
      `<workbook xmlns="${NS}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
      '<workbookPr date1904="1" defaultThemeVersion="124226"/><sheets><sheet name="Sheet1" sheetId="1" r:id="rIdS1"/></sheets></workbook>';
    const rows = await read({
      sheet: sheetXml('<row r="1"><c r="A1" s="0"><v>42063.5</v></c></row>'),
      styles: styles([14]),
      workbook,
    });
    expect(rows).toEqual([[1, [new Date('2019-03-01T12:00:00Z')]]]);
  });

  it('decides like ExcelJS: a date or time letter outside brackets and quotes', () => {
    expect(['yyyy-mm-dd', 'h:mm', 'm/d/yy "h":mm', '[$-804]aaaa', 'mm:ss', 'General'].map(isDateFormatCode)).toEqual([
      true,
      true,
      true,
      false,
      true,
      false,
    ]);
    expect(excelDate(43525, false)).toEqual(new Date('2019-03-01T00:00:00Z'));
    expect(excelDate(61, false)).toEqual(new Date('1900-03-01T00:00:00Z'));
  });
});

describe('chunks', () => {
  const strings = new SharedStrings(0);
  const raw = new Bytes(16, 1024, 'x');
  raw.append(Buffer.from('共享'), 0, 6);
  strings.add(raw);

  function parse(xml: Buffer, cuts: number[]): SheetRow[] {
    const reader = new SheetReader(strings, Uint8Array.of(0, 1), false);
    const scanner = new XmlScanner(reader);
    const rows: SheetRow[] = [];
    let from = 0;
    for (const cut of [...cuts, xml.length]) {
      scanner.push(xml.subarray(from, cut));
      rows.push(...reader.take());
      from = cut;
    }
    scanner.end();
    return rows;
  }

  it('reads the same rows however the sheet is cut into chunks', () => {
    const xml = Buffer.from(
      '\uFEFF<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n' +
        sheetXml(
          '<row r="1" spans="1:4"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><r><t>企业</t></r><r><t>&amp;名称😀</t></r></is></c>' +
            '<c r="C1" s="1"><v>43525</v></c><c r="D1" t=\'str\'><f>"a"&amp;"&gt;"</f><v>a&gt;</v></c></row>' +
            '<!-- comment > with <tags> --><row r="3"><c r="A3"><v>-1.25</v></c><c r="D3" t="inlineStr"><is><t><![CDATA[<x>&]]></t></is></c></row>',
        ),
    );
    const whole = parse(xml, []);
    expect(whole.map((r) => [r.rowNumber, r.cells])).toEqual([
      [1, ['共享', '企业&名称😀', new Date('2019-03-01T00:00:00Z'), { formula: '"a"&">"', result: 'a>' }]],
      [3, [-1.25, null, null, '<x>&']],
    ]);
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: xml.length - 1 }), { maxLength: 12 }), (cuts) => {
        expect(
          parse(
            xml,
            cuts.sort((a, b) => a - b),
          ),
        ).toEqual(whole);
      }),
      { numRuns: 500 },
    );
    // Every single cut point, and one byte at a time.
    for (let cut = 1; cut < xml.length; cut++) expect(parse(xml, [cut])).toEqual(whole);
    expect(
      parse(
        xml,
        Array.from({ length: xml.length - 1 }, (_, i) => i + 1),
      ),
    ).toEqual(whole);
  });
});

describe('refusals', () => {
  const unreadable = async (book: Book, message: RegExp) => {
    const e = await refusal(book);
    expect(e.code).toBe('xlsx_unreadable');
    expect(e.message).toMatch(message);
  };

  it('refuses a sheet that ends in the middle, or with open elements', async () => {
    await unreadable({ sheet: `<worksheet xmlns="${NS}"><sheetData><row r="1"><c r="A1"` }, /文件在标记中途结束/);
    await unreadable(
      { sheet: `<worksheet xmlns="${NS}"><sheetData><row r="1">${inline('A1', 'x')}</row>` },
      /^无法读取工作表内容，文件可能已损坏（有元素没有结束标签，在第 1 行附近）$/,
    );
    await unreadable({ sheet: '' }, /没有任何 XML 元素/);
  });

  it('refuses a DTD, unknown entities and a second root element', async () => {
    await unreadable(
      { sheet: `<!DOCTYPE x [<!ENTITY e "boom">]><worksheet xmlns="${NS}"><sheetData/></worksheet>` },
      /不支持 DOCTYPE/,
    );
    await unreadable({ sheet: sheetXml(`<row r="1">${inline('A1', '&e;')}</row>`) }, /无法识别的字符引用 &e;/);
    await unreadable({ sheet: `${sheetXml('')}<worksheet/>` }, /有多个根元素/);
  });

  it('refuses a cell beyond column XFD, and a shared string that is not in the table', async () => {
    await unreadable({ sheet: sheetXml(`<row r="7">${inline('XFE7', 'x')}</row>`) }, /第 7 行的单元格超出最后一列 XFD/);
    await unreadable(
      { sheet: sheetXml('<row r="1"><c r="A1" t="s"><v>1</v></c></row>'), sharedStrings: sst('<si><t>a</t></si>') },
      /共享字符串编号 1 超出共享字符串表（共 1 个）/,
    );
  });

  it('refuses broken shared strings and styles with their own messages', async () => {
    await unreadable(
      { sheet: sheetXml(''), sharedStrings: `<sst xmlns="${NS}"><si><t>a</si></sst>` },
      /^无法读取共享字符串表，文件可能已损坏（结束标签 <\/si> 与开始标签不匹配）$/,
    );
    await unreadable(
      { sheet: sheetXml(''), styles: `<styleSheet xmlns="${NS}"><cellXfs><xf numFmtId=14/></cellXfs></styleSheet>` },
      /^无法读取样式表，文件可能已损坏（属性值没有引号）$/,
    );
  });

  it('caps the text of one cell', async () => {
    // 1.2 MB that deflate cannot shrink much (so that the zip's ratio check passes).
    const long = Array.from({ length: 400_000 }, (_, i) => String.fromCharCode(0x4e00 + ((i * 7919) % 20_000))).join(
      '',
    );
    await unreadable({ sheet: sheetXml(`<row r="1">${inline('A1', long)}</row>`) }, /单元格内容超过 1048576 字节/);
  });
});

describe('the workbook, its relationships and [Content_Types].xml, scanned as bytes like the sheet', () => {
  const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const RELS = 'xl/_rels/workbook.xml.rels';
  const relationships = (inner: string) =>
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${inner}</Relationships>`;
  const sheetRel = (extra = '') =>
    `<Relationship Id="rIdS1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml" ${extra}/>`;
  const oneCell = sheetXml(`<row r="1">${inline('A1', '名称')}</row>`);
  // As long as these parts may be (MAX_WORKBOOK_PART_BYTES), less room for the markup around it.
  const RUN = 'a'.repeat(MAX_WORKBOOK_PART_BYTES - 1024);

  it('refuses a relationships part or workbook over 1 MB before inflating it', async () => {
    const big = relationships(sheetRel(`Note="${'a'.repeat(MAX_WORKBOOK_PART_BYTES)}"`));
    const e = await refusal({ sheet: oneCell, parts: { [RELS]: big } });
    expect(e.message).toMatch(/^文件内的“xl\/_rels\/workbook.xml.rels”有 1 MB，超过上限 1 MB$/);
  });

  it('reads a relationship with an attribute value of nearly 1 MB', async () => {
    const rows = await read({ sheet: oneCell, parts: { [RELS]: relationships(sheetRel(`Note="${RUN}"`)) } });
    expect(rows).toEqual([[1, ['名称']]]);
  });

  it('refuses, and does not hang on, a 1 MB run of letters inside a Relationship tag', async () => {
    // The regular expression this replaced backtracked over such a run quadratically: 6 s for
    // 40,000 letters, about an hour for this one.
    const e = await refusal({ sheet: oneCell, parts: { [RELS]: relationships(sheetRel(RUN)) } });
    expect([e.code, e.message]).toEqual([
      'xlsx_unreadable',
      '无法读取工作簿关系 xl/_rels/workbook.xml.rels，文件可能已损坏（属性格式错误）',
    ]);
  });

  it('refuses, and does not hang on, a 1 MB run of letters inside a sheet tag of the workbook', async () => {
    const workbook = `<workbook xmlns="${NS}" xmlns:r="${REL}"><sheets><sheet name="S" r:id="rIdS1" ${RUN}/></sheets></workbook>`;
    const e = await refusal({ sheet: oneCell, parts: { 'xl/workbook.xml': workbook } });
    expect(e.message).toBe('无法读取工作簿 xl/workbook.xml，文件可能已损坏（属性格式错误）');
  });

  it('reads prefixed elements, references in attributes and a workbook in UTF-16', async () => {
    const rels =
      '<pr:Relationships xmlns:pr="http://schemas.openxmlformats.org/package/2006/relationships">' +
      `<pr:Relationship Id="rIdS1" Type="${REL}/worksheet" Target="worksheets/sheet&#49;.xml"/></pr:Relationships>`;
    const workbook = `<x:workbook xmlns:x="${NS}" xmlns:r="${REL}"><x:sheets><x:sheet name="甲&amp;乙" r:id="rIdS1"/></x:sheets></x:workbook>`;
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(workbook, 'utf16le')]);
    const rows = await read({ sheet: oneCell, parts: { [RELS]: rels, 'xl/workbook.xml': utf16 } });
    expect(rows).toEqual([[1, ['名称']]]);
  });

  it.each([
    ['[Content_Types].xml', '内容类型清单 [Content_Types].xml'],
    [RELS, '工作簿关系 xl/_rels/workbook.xml.rels'],
    ['xl/workbook.xml', '工作簿 xl/workbook.xml'],
    ['xl/sharedStrings.xml', '共享字符串表'],
    ['xl/styles.xml', '样式表'],
    ['xl/worksheets/sheet1.xml', '工作表内容'],
  ])('refuses a DTD (an XML bomb’s entities) in %s', async (part, what) => {
    const bomb =
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;">]>' +
      '<root>&lol2;</root>';
    const e = await refusal({ sheet: oneCell, parts: { [part]: bomb } });
    expect([e.code, e.message]).toEqual([
      'xlsx_unreadable',
      `无法读取${what}，文件可能已损坏（不支持 DOCTYPE 等声明）`,
    ]);
  });

  it('refuses an entity the file would have to define, in an attribute of the relationships', async () => {
    const e = await refusal({ sheet: oneCell, parts: { [RELS]: relationships(sheetRel('Note="&lol;"')) } });
    expect(e.message).toBe('无法读取工作簿关系 xl/_rels/workbook.xml.rels，文件可能已损坏（无法识别的字符引用 &lol;）');
  });

  it('refuses a workbook part that [Content_Types].xml types as something else, or a package without it', async () => {
    const types = (workbookType: string) =>
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      `<Override PartName="/xl/workbook.xml" ContentType="${workbookType}"/></Types>`;
    const docx = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml';
    const e = await refusal({ sheet: oneCell, parts: { '[Content_Types].xml': types(docx) } });
    expect([e.code, e.message]).toEqual([
      'xlsx_unreadable',
      `文件的内容类型清单把 xl/workbook.xml 声明为“${docx}”，不是 Excel 工作簿。请在 Excel 中打开后另存为 .xlsx 再上传`,
    ]);
    // Macro-enabled workbooks and templates are workbooks too (their macros are never run).
    const xlsm = 'application/vnd.ms-excel.sheet.macroEnabled.main+xml';
    expect(await read({ sheet: oneCell, parts: { '[Content_Types].xml': types(xlsm) } })).toEqual([[1, ['名称']]]);
    const notTypes = await refusal({ sheet: oneCell, parts: { '[Content_Types].xml': '<Other/>' } });
    expect(notTypes.message).toBe('无法读取内容类型清单 [Content_Types].xml，文件可能已损坏（根元素不是 Types）');
  });
});
