import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkPassword, MIN_PASSWORD_LENGTH } from './password.ts';

const GOOD = 'Tq7#vLp2mZx9';
const COMMON = '该密码是常见密码，容易被猜中，请换一个';

describe('checkPassword', () => {
  it('accepts a long, mixed, uncommon password', () => {
    expect(checkPassword(GOOD, 'zhangsan')).toEqual([]);
    expect(checkPassword('correct horse battery 9', 'zhangsan')).toEqual([]);
  });

  it('requires at least 10 characters, counting what the user sees', () => {
    expect(checkPassword('Tq7#vLp2m', 'zhangsan')).toEqual(['密码长度至少为 10 个字符，当前为 9 个']);
    expect(checkPassword('Tq7#vLp2mZ', 'zhangsan')).toEqual([]);
    // 9 code points but 10 UTF-16 units.
    expect(checkPassword('Tq7#vLp2😀', 'zhangsan')).toEqual(['密码长度至少为 10 个字符，当前为 9 个']);
  });

  it('requires 3 of the 4 character classes', () => {
    expect(checkPassword('tq7vlp2mzx9k', 'zhangsan')).toEqual([
      '密码须至少包含大写字母、小写字母、数字、特殊符号中的 3 类，当前只有 2 类',
    ]);
    expect(checkPassword('tqmvlpzxkwrh', 'zhangsan')).toContain(
      '密码须至少包含大写字母、小写字母、数字、特殊符号中的 3 类，当前只有 1 类',
    );
    expect(checkPassword('tq7vlp2mzx9K', 'zhangsan')).toEqual([]);
    expect(checkPassword('tq7vlp2mzx9#', 'zhangsan')).toEqual([]);
    expect(checkPassword('TQ7#VLP2MZX9', 'zhangsan')).toEqual([]);
    expect(checkPassword('tq#vlp mzx!k', 'zhangsan')).toEqual([
      '密码须至少包含大写字母、小写字母、数字、特殊符号中的 3 类，当前只有 2 类',
    ]);
  });

  it('counts letters without case, such as 汉字, as the “other” class', () => {
    expect(checkPassword('党建工作好tq7vlp2', 'zhangsan')).toEqual([]);
    expect(checkPassword('党建工作好党建工作好', 'zhangsan')).toContain(
      '密码须至少包含大写字母、小写字母、数字、特殊符号中的 3 类，当前只有 1 类',
    );
  });

  it('rejects the user name itself, ignoring case', () => {
    expect(checkPassword('Zhang.San2024', 'zhang.san2024')).toEqual(['密码不能与用户名相同']);
    expect(checkPassword('Zhang.San2024', ' ZHANG.SAN2024 ')).toEqual(['密码不能与用户名相同']);
  });

  it('rejects a password containing a user name of 4 or more characters', () => {
    expect(checkPassword('Tq7#ZhangSan!', 'zhangsan')).toEqual(['密码不能包含用户名']);
    expect(checkPassword('Tq7#Wang!x9kq', 'wang')).toEqual(['密码不能包含用户名']);
  });

  it('allows a short user name inside the password, but not equal to it', () => {
    expect(checkPassword('Tq7#Li!x9kqz', 'li')).toEqual([]);
    expect(checkPassword('Tq7#wan!x9kq', 'wan')).toEqual([]);
    expect(checkPassword('Li', 'li')).toContain('密码不能与用户名相同');
  });

  it('ignores an empty user name', () => {
    expect(checkPassword(GOOD, '')).toEqual([]);
    expect(checkPassword(GOOD, '   ')).toEqual([]);
  });

  it('rejects common passwords regardless of case', () => {
    expect(checkPassword('qwertyuiop', 'zhangsan')).toContain(COMMON);
    expect(checkPassword('QwertyUIOP', 'zhangsan')).toContain(COMMON);
    expect(checkPassword('P@ssw0rd', 'zhangsan')).toContain(COMMON);
  });

  it('rejects a common word with digits and symbols tacked on', () => {
    expect(checkPassword('Password123!', 'zhangsan')).toEqual([COMMON]);
    expect(checkPassword('Woaini1314!!', 'zhangsan')).toEqual([COMMON]);
    expect(checkPassword('Qwerty2024#$', 'zhangsan')).toEqual([COMMON]);
  });

  it('only strips from the end, so a common word elsewhere is fine', () => {
    expect(checkPassword('123!Password', 'zhangsan')).toEqual([]);
    expect(checkPassword('Password1x!Q', 'zhangsan')).toEqual([]);
  });

  it('does not treat an all-digit password as common just because stripping leaves nothing', () => {
    expect(checkPassword('8203917465', 'zhangsan')).toEqual([
      '密码须至少包含大写字母、小写字母、数字、特殊符号中的 3 类，当前只有 1 类',
    ]);
  });

  it('reports every broken rule at once', () => {
    expect(checkPassword('admin', 'admin')).toEqual([
      '密码长度至少为 10 个字符，当前为 5 个',
      '密码须至少包含大写字母、小写字母、数字、特殊符号中的 3 类，当前只有 1 类',
      '密码不能与用户名相同',
      COMMON,
    ]);
    expect(checkPassword('', 'admin')).toEqual([
      '密码长度至少为 10 个字符，当前为 0 个',
      '密码须至少包含大写字母、小写字母、数字、特殊符号中的 3 类，当前只有 0 类',
    ]);
  });
});

describe('checkPassword properties', () => {
  const asciiPassword = fc.string({ unit: 'grapheme-ascii', maxLength: 20 });

  it('flags length exactly when there are fewer than 10 characters', () => {
    fc.assert(
      fc.property(asciiPassword, (p) => {
        const flagged = checkPassword(p, 'zhangsan').some((m) => m.startsWith('密码长度'));
        return flagged === p.length < MIN_PASSWORD_LENGTH;
      }),
    );
  });

  it('flags classes exactly when fewer than 3 are present', () => {
    fc.assert(
      fc.property(asciiPassword, (p) => {
        const classes = [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(p)).length;
        const flagged = checkPassword(p, 'zhangsan').some((m) => m.startsWith('密码须至少包含'));
        return flagged === classes < 3;
      }),
    );
  });

  it('always rejects the user name in any case', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 20 }), (name) => {
        fc.pre(name.trim() === name && name !== '');
        const swapped = [...name].map((c) => (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase())).join('');
        return checkPassword(swapped, name).includes('密码不能与用户名相同');
      }),
    );
  });
});
