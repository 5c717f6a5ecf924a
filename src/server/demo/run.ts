// The demo county, built through the services the app uses: accounts, the enterprises through
// the real import, orgs, instructors and the rest of a county (county.ts). Reproducible by
// seed; a second run adds nothing. The CLI's `dangjian demo` and the demo's test run this.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { type Rand, seeded } from '../../domain/random.ts';
import { localOperator } from '../actor.ts';
import { inScope } from '../db/tx.ts';
import { runImport } from '../imports/enterprises/run.ts';
import type { PipelineDeps } from '../imports/pipeline.ts';
import { demoAccounts, type Scale } from './accounts.ts';
import { demoAchievements } from './achievements.ts';
import { demoAppraisals } from './appraisals.ts';
import { demoCounty, demoCountyBuilt } from './county.ts';
import { demoCrossHolding } from './crossHolding.ts';
import { writeDemoEnterpriseFile } from './enterprises.ts';
import { demoInstructors } from './instructors.ts';
import { demoLostContacts } from './lostContacts.ts';
import { demoMeetings } from './meetings.ts';
import { demoMinutes } from './minutes.ts';
import { demoOrgs } from './orgs.ts';
import { writeDemoPasswords } from './passwords.ts';
import { demoRecognition } from './recognition.ts';
import { demoSubmissions } from './submissions.ts';
import { demoTraining } from './training.ts';

/** Progress inside a stage: `done` of `total` (null while unknown), told as the stage goes. */
export type DemoProgress = (stage: string, done: number, total: number | null) => void;

export async function runDemo(
  opened: PipelineDeps,
  log: (line: string) => void,
  opts: { region: string; scale: Scale; seed: number },
  progress: DemoProgress = () => {},
) {
  const { database } = opened;
  const operator = localOperator();
  const rand = seeded(opts.seed);
  const accounts = await inScope(database.db, operator, (tx) =>
    demoAccounts(tx, operator, rand, opts.region, opts.scale),
  );
  const created = accounts.filter((a) => a.oneTimePassword);
  log(`演示账户：${accounts.length} 个（本次新建 ${created.length} 个）`);

  // A built county is not imported again: the file's member counts would overwrite the counts
  // its rosters now give (members transferred out, people admitted), as any re-import does.
  if (await inScope(database.db, operator, (tx) => demoCountyBuilt(tx, opts.region))) {
    log('演示企业：已导入，不再导入');
  } else await importDemoEnterprises(opened, rand, opts, log, progress);

  const orgs = await inScope(database.db, operator, (tx) =>
    demoOrgs(tx, operator, opened.keys, rand, opts.region, (step, done, total) => progress(`演示${step}`, done, total)),
  );
  log(
    `演示党组织：${orgs.orgs} 个，逐人登记党员 ${orgs.members} 名，发展党员记录 ${orgs.developments} 条（已有党组织的区划不再添加）`,
  );
  if (orgs.orgs > 0) {
    // A seed of its own, so the instructors below stay what they were before this step.
    const held = await inScope(database.db, operator, (tx) =>
      demoCrossHolding(tx, operator, seeded(opts.seed + 27), opts.region),
    );
    log(`演示交叉任职：${held} 名书记、委员登记了企业管理职务、法定代表人或工会主席`);
  }

  const work = await inScope(database.db, operator, (tx) =>
    demoInstructors(tx, operator, opened.keys, rand, opts.region, (done, total) => progress('演示指导员', done, total)),
  );
  log(
    `演示指导员：${work.instructors} 名，联系企业 ${work.assignments} 家，走访记录 ${work.contacts} 条，诉求 ${work.requests} 件（已有指导员的区划不再添加）`,
  );
  // Every new account's one-time password, to a 0600 file in the data directory; never printed.
  const passwords = await writeDemoPasswords(opened.config.dataDir, opts.region, [
    ...accounts,
    ...orgs.accounts,
    ...work.accounts,
  ]);
  log(
    passwords.count > 0
      ? `一次性密码：本次新建的 ${passwords.count} 个账户的一次性密码已写入 ${passwords.file}（仅文件所有者可读；首次登录须修改密码）`
      : '一次性密码：本次没有新建账户',
  );

  const county = await inScope(database.db, operator, (tx) => demoCounty(tx, operator, opened.keys, rand, opts.region));
  log(
    county
      ? `演示组织体系：综合党委及党总支 ${county.tree} 个，本季及上季新建党组织 ${county.newOrgs} 个，撤销 ${county.dissolved} 个，换届记录 ${county.elections} 条，改制企业 ${county.restructurings} 家，各阶段发展对象 ${county.developments} 名，组织关系转出 ${county.transfers} 条，调查快照 ${county.snapshots} 个`
      : '演示组织体系：已存在，不再添加',
  );

  // Last, so the random draws of everything above stay as they were.
  const recognition = await inScope(database.db, operator, (tx) =>
    demoRecognition(tx, operator, opened.keys, rand, opts.region),
  );
  log(
    `演示下派书记库：${recognition.pool} 人，下派 ${recognition.dispatches} 人次；表彰 ${recognition.honours} 项，示范点 ${recognition.sites} 个（已有书记库的区划不再添加）`,
  );

  log(
    `演示组织生活：${await inScope(database.db, operator, (tx) => demoMeetings(tx, operator, seeded(opts.seed + 31), opts.region))}`,
  );
  log(
    `演示会议附件：${await inScope(database.db, operator, (tx) => demoMinutes(tx, operator, opened.keys, opts.region))}`,
  );
  log(
    `演示教育培训：${await inScope(database.db, operator, (tx) => demoTraining(tx, operator, seeded(opts.seed + 37), opts.region))}`,
  );
  const submitted = await inScope(database.db, operator, (tx) => demoSubmissions(tx, opts.region));
  log(
    submitted
      ? `演示季报报送（${submitted.quarter}，报送期限 ${submitted.dueOn}）：按期 ${submitted.on_time} 个、逾期 ${submitted.late} 个、未报送 ${submitted.none} 个、退回后重新报送 ${submitted.returned} 个下级地区`
      : '演示季报报送：已有报送记录，不再添加',
  );

  // A seed of its own, so nothing above draws differently.
  const achieved = await inScope(database.db, operator, (tx) =>
    demoAchievements(tx, operator, seeded(opts.seed + 32), opts.region),
  );
  log(`演示作用发挥：${achieved} 条（已有记录的区划不再添加）`);
  const appraised = await inScope(database.db, operator, (tx) => demoAppraisals(tx, operator, opts.region));
  log(
    `演示评定、活动与企业主沟通：党组织评定 ${appraised.appraisals} 个（含软弱涣散整顿 1 个），党员民主评议 ${appraised.reviews} 人，开放式活动 ${appraised.activities} 次，结对共建 ${appraised.pairings} 对，企业主沟通与支持 ${appraised.engagements} 条（已有评定的区划不再添加）`,
  );
  const lost = await inScope(database.db, operator, (tx) => demoLostContacts(tx, operator, opts.region));
  log(`演示失联党员：${lost} 人（查找中、待查找、已恢复联系、已停止党籍；已有登记的区划不再添加）`);
}

/** The enterprises go through the real import, as a county's first regulator file would. */
async function importDemoEnterprises(
  opened: PipelineDeps,
  rand: Rand,
  opts: { region: string; scale: Scale },
  log: (line: string) => void,
  progress: DemoProgress,
) {
  const operator = localOperator();
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'dangjian-demo-'));
  try {
    const file = path.join(dir, `演示企业-${opts.region}.csv`);
    await writeDemoEnterpriseFile(opened.database.db, rand, opts.region, opts.scale, file);
    const now = new Date();
    const result = await runImport(
      opened,
      operator,
      {
        path: file,
        fileName: path.basename(file),
        period: `${now.getFullYear()}Q${Math.floor(now.getMonth() / 3) + 1}`,
        source: '演示数据',
        partial: false,
        dryRun: false,
        apply: true,
      },
      (p) => progress('演示企业（读取并校验）', p.rowsRead, p.rowsTotal),
    );
    if (result.status !== 'applied') {
      throw new Error(`演示企业导入失败：${result.errors[0]?.message ?? result.status}`);
    }
    log(`演示企业：${result.rows} 家（新增 ${result.added}，未变 ${result.unchanged}），导入批次 ${result.batchId}`);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
