// `dangjian user create --instructor ID`: an instructor account tied to its record, as --org ties a secretary's.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { departments, instructors, users } from '../db/schema.ts';
import { migratedDataDir, removeDir, runCli, withDataDir } from '../testing/cli.ts';

let dir: string;
let instructorId: number;
beforeAll(async () => {
  dir = await migratedDataDir();
  instructorId = await withDataDir(dir, async (db) => {
    const [d] = await db.insert(departments).values({ name: '组织部' }).returning();
    const [i] = await db
      .insert(instructors)
      .values({ kind: 'instructor', name: '张明', sourceDepartmentId: d.id, regionCode: '420502' })
      .returning();
    return i.id;
  });
}, 120_000);
afterAll(() => removeDir(dir));

describe('dangjian user create --instructor', () => {
  it('creates an instructor account tied to the record', async () => {
    const res = await runCli(
      [
        'user',
        'create',
        '--username',
        'zhangming',
        '--name',
        '张明',
        '--region',
        '420502',
        '--role',
        'instructor',
        '--instructor',
        String(instructorId),
      ],
      dir,
    );
    expect([res.code, res.stderr]).toEqual([0, '']);
    const [user] = await withDataDir(dir, (db) => db.select().from(users).where(eq(users.username, 'zhangming')));
    expect(user).toMatchObject({ roles: ['instructor'], instructorId });
  }, 120_000);

  it.each([
    [['--instructor', 'abc'], '--instructor 须为指导员编号（正整数）'],
    [['--instructor', '99999'], '指导员不存在或不在您的管辖范围内'],
    [['--instructor', 'INSTRUCTOR', '--region', '420503'], '所选指导员不在该用户的所属区划内'],
  ])(
    'refuses %j on one line, exit 1',
    async (args, message) => {
      const region = args.includes('--region') ? [] : ['--region', '420502'];
      const res = await runCli(
        [
          'user',
          'create',
          '--username',
          `z${Math.random().toString(36).slice(2, 8)}`,
          '--name',
          '某人',
          ...region,
          ...args.map((a) => (a === 'INSTRUCTOR' ? String(instructorId) : a)),
        ],
        dir,
      );
      expect(res.code).toBe(1);
      expect(res.stderr.trim().split('\n')).toEqual([expect.stringContaining(message)]);
    },
    120_000,
  );
});
