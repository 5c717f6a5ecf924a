// Password policy for GB/T 22239-2019 level 3 (身份鉴别: complexity) and OWASP ASVS L2 (breached/common list).
import { dictionary } from '@zxcvbn-ts/language-common';

export const MIN_PASSWORD_LENGTH = 10;
const MIN_CLASSES = 3;
// Shorter user names (e.g. “li”) occur by chance inside good passwords; only equality is rejected for them.
const MIN_USERNAME_LENGTH_FOR_CONTAINS = 4;

let commonPasswords: Set<string> | undefined;

// ~49k entries: build once, and only when a password is actually checked.
const LETTER = /^\p{L}$/u;

function isCommonPassword(lower: string): boolean {
  commonPasswords ??= new Set(dictionary.passwords.map((p) => p.toLowerCase()));
  if (commonPasswords.has(lower)) return true;
  // People satisfy complexity rules by bolting digits and symbols onto a common word: “Password123!”.
  // Trimmed character by character: `/[^\p{L}]+$/` backtracks quadratically over a long run.
  const chars = [...lower];
  while (chars.length > 0 && !LETTER.test(chars[chars.length - 1])) chars.pop();
  const stem = chars.join('');
  return stem !== '' && commonPasswords.has(stem);
}

/**
 * Upper, lower, digit, and everything else. Letters without case (e.g. 汉字) count as
 * “other”, as in the Windows complexity rule.
 */
function countClasses(password: string): number {
  const classes = [/\p{Lu}/u, /\p{Ll}/u, /\p{Nd}/u, /[^\p{Lu}\p{Ll}\p{Nd}]/u];
  return classes.filter((re) => re.test(password)).length;
}

/** One Chinese message per rule broken; an empty array means the password is acceptable. */
export function checkPassword(password: string, username: string): string[] {
  const problems: string[] = [];
  // Code points, so an emoji or 汉字 counts as one character as the user sees it.
  const length = Array.from(password).length;
  if (length < MIN_PASSWORD_LENGTH) {
    problems.push(`密码长度至少为 ${MIN_PASSWORD_LENGTH} 个字符，当前为 ${length} 个`);
  }

  const classes = countClasses(password);
  if (classes < MIN_CLASSES) {
    problems.push(`密码须至少包含大写字母、小写字母、数字、特殊符号中的 ${MIN_CLASSES} 类，当前只有 ${classes} 类`);
  }

  const lower = password.toLowerCase();
  const name = username.trim().toLowerCase();
  if (name !== '') {
    if (lower === name) {
      problems.push('密码不能与用户名相同');
    } else if (Array.from(name).length >= MIN_USERNAME_LENGTH_FOR_CONTAINS && lower.includes(name)) {
      problems.push('密码不能包含用户名');
    }
  }

  if (isCommonPassword(lower)) {
    problems.push('该密码是常见密码，容易被猜中，请换一个');
  }
  return problems;
}
