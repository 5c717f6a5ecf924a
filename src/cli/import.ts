import { Command } from 'commander';
import type { AuditAction } from '../domain/auditActions.ts';
import type { Permission } from '../domain/roles.ts';
import { IMPORTS } from '../server/imports/adapters/index.ts';
import type { BatchKind, ImportResult, ReadProgress } from '../server/imports/batches.ts';
import { ORGLIFE_KINDS, type OrglifeImportKind } from '../server/imports/orglife/kinds.ts';
import { type ImportKind, KINDS } from '../server/imports/orgs/kinds.ts';
import { runImport } from '../server/imports/pipeline.ts';
import { asOption, CliError, withActor } from './context.ts';
import type { CliIo } from './io.ts';
import { progressLine } from './progress.ts';

const STATUS_TEXT: Record<string, string> = {
  applied: '已写入台账',
  rejected: '已拒绝（有错误，台账未改变）',
  'dry-run': '试运行（台账未改变）',
};

/**
 * What every import prints: the whole result as one JSON object with --json, or a summary,
 * the errors by row and column, and the count of warnings. A rejected file exits with status 1.
 */
function report(io: CliIo, result: ImportResult, opts: { json?: boolean }, summary: string) {
  if (opts.json) {
    io.log(JSON.stringify(result));
  } else {
    io.log(`批次 ${result.batchId}：${STATUS_TEXT[result.status] ?? result.status}`);
    io.log(summary);
    for (const e of result.errors.slice(0, 50)) io.log(`  第 ${e.row} 行「${e.column}」：${e.message}`);
    if (result.errors.length > 50) io.log(`  ……另有 ${result.errors.length - 50} 处错误，见 --json 或网页的错误报告`);
    if (result.warnings.length) io.log(`  提示 ${result.warnings.length} 条`);
  }
  if (result.status === 'rejected') {
    // --json already printed the whole story on stdout; the exit status says it failed.
    if (opts.json) io.exitCode = 1;
    else throw new CliError(`导入被拒绝：${result.errors.length} 处错误，台账未改变`);
  }
}

interface ImportFlags {
  partial?: boolean;
  dryRun?: boolean;
  json?: boolean;
  as?: string;
  /** The enterprise file's labels; the other kinds file their batches under their own. */
  period?: string;
  source?: string;
}

/**
 * The action of every import command: check that the actor may import this kind, read and
 * check the file behind a progress line, then report; `summary` words the counts of the kind.
 */
function importAction(
  io: CliIo,
  kind: BatchKind,
  access: { permission: Permission; action: AuditAction },
  summary: (result: ImportResult) => string,
) {
  return (file: string, opts: ImportFlags) =>
    withActor(io, opts.as, access.permission, access.action, async (opened, actor) => {
      const line = opts.json ? undefined : progressLine(io, '读取并校验');
      const progress = line && ((p: ReadProgress) => line.update(p.rowsRead, p.rowsTotal));
      let result: ImportResult;
      try {
        const request = {
          path: file,
          fileName: file.split(/[\\/]/).pop() ?? file,
          period: opts.period,
          source: opts.source,
          partial: Boolean(opts.partial),
          dryRun: Boolean(opts.dryRun),
        };
        result = await runImport(opened, actor, IMPORTS[kind], request, progress);
      } finally {
        line?.end();
      }
      report(io, result, opts, summary(result));
    });
}

/** The flags every import takes, after its file and any labels of its own. */
function importFlags(command: Command): Command {
  return command
    .option('--partial', '部分导入：写入正确的行，报告其余的行')
    .option('--dry-run', '只校验和核对，不写入')
    .option('--json', '输出一个 JSON 对象')
    .addOption(asOption());
}

/** `dangjian import orgs|members FILE`: the organization and member files of shared/formats/org-import.md. */
function kindCommand(io: CliIo, kind: ImportKind, description: string, name: string = kind) {
  const info = KINDS[kind];
  return importFlags(new Command(name).description(description).argument('<file>', '.xlsx 或 .csv 文件')).action(
    importAction(
      io,
      kind,
      info,
      (result) =>
        `  共 ${result.rows} 行${info.noun}：新增 ${result.added}，变更 ${result.changed}，未变 ${result.unchanged}` +
        (kind === 'national_members' ? `；文件中缺少 ${result.missing}（不会删除，请核实）` : ''),
    ),
  );
}

/** `dangjian import meetings|achievements FILE`: past meetings and achievements (docs/formats/orglife-import.md), all or nothing. */
function orglifeCommand(io: CliIo, kind: OrglifeImportKind, description: string) {
  const info = ORGLIFE_KINDS[kind];
  return importFlags(new Command(kind).description(description).argument('<file>', '.xlsx 或 .csv 文件')).action(
    importAction(
      io,
      kind,
      { permission: info.permission, action: info.actions.import },
      (result) =>
        `  共 ${result.rows} 行${info.noun}：新增 ${result.added}${kind === 'meetings' ? `，补记到会情况 ${result.changed}` : ''}`,
    ),
  );
}

export function importCommands(io: CliIo) {
  const cmd = new Command('import').description('导入文件');
  const enterprises = cmd
    .command('enterprises')
    .description('导入企业台账（源头管理）：校验全部行、与台账核对后写入；有错误时默认整批不写入')
    .argument('<file>', '.xlsx 或 .csv 文件')
    .requiredOption('--period <period>', '期间，如 2026Q3')
    .requiredOption('--source <name>', '数据来源，如 市场监管局年报');
  importFlags(enterprises).action(
    importAction(
      io,
      'enterprises',
      { permission: 'ledger.import', action: 'enterprise.import' },
      (result) =>
        `  共 ${result.rows} 行：新增 ${result.added}，变更 ${result.changed}，未变 ${result.unchanged}；` +
        `本次缺少 ${result.missing}，填报不一致 ${result.discrepancies}`,
    ),
  );
  cmd.addCommand(
    kindCommand(io, 'orgs', '导入党组织台账：校验全部行、与系统中的党组织和企业台账核对后写入；有错误时默认整批不写入'),
  );
  cmd.addCommand(
    kindCommand(io, 'members', '导入党员名册：校验全部行、与系统中的党组织和党员核对后写入；有错误时默认整批不写入'),
  );
  cmd.addCommand(
    orglifeCommand(
      io,
      'meetings',
      '导入以往的组织生活会议：按会议当天的党员名册核对到会人员，表决会议核对法定人数；有任何错误整批不写入',
    ),
  );
  cmd.addCommand(
    orglifeCommand(
      io,
      'achievements',
      '导入作用发挥记录（七类写在一张表中，以“类别”列区分）：逐行按登记规则核对；有任何错误整批不写入',
    ),
  );
  cmd.addCommand(
    kindCommand(
      io,
      'national_members',
      '导入全国党员管理信息系统导出的党员信息：与系统中的党员核对（新增、变更、文件中缺少）后整批写入；有错误时整批不写入',
      'national-members',
    ),
  );
  return cmd;
}
