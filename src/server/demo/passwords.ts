// The one-time passwords of the accounts a demo run creates: all of them go to a file only the
// owner of the data directory can read, never to the terminal (where they would sit in
// scrollback and logs); the run prints where the file is and how many it holds.
import fs from 'node:fs/promises';
import path from 'node:path';
import type { DemoAccount } from './accounts.ts';

export const DEMO_PASSWORDS_FILE = 'demo-passwords.txt';

const ROLE_NAMES: Record<string, string> = {
  committee: '工委工作人员',
  leader: '领导',
  instructor: '指导员',
  secretary: '支部书记',
};

/**
 * Appends this run's new accounts to DATA_DIR/demo-passwords.txt with mode 0600 (a later run
 * that adds accounts, e.g. for another region, adds its own section); nothing is written when
 * the run created none. Returns the file's path and the number of passwords written.
 */
export async function writeDemoPasswords(dataDir: string, region: string, accounts: DemoAccount[]) {
  const file = path.join(dataDir, DEMO_PASSWORDS_FILE);
  const created = accounts.filter((a) => a.oneTimePassword);
  if (created.length === 0) return { file, count: 0 };
  const lines = [
    `# 演示数据（区划 ${region}）${new Date().toISOString()} 新建账户的一次性密码；首次登录须修改密码。`,
    '# 用户名\t一次性密码\t姓名\t角色\t区划',
    ...created.map((a) =>
      [a.username, a.oneTimePassword, a.displayName, ROLE_NAMES[a.role] ?? a.role, a.regionCode].join('\t'),
    ),
    '',
  ];
  await fs.mkdir(dataDir, { recursive: true });
  await fs.appendFile(file, `${lines.join('\n')}\n`, { mode: 0o600 });
  // The mode given applies only when the file is created: an older file is narrowed too.
  await fs.chmod(file, 0o600);
  return { file, count: created.length };
}
