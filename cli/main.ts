#!/usr/bin/env node
// parscore CLI: argument parsing and exit codes only; the work is in commands.ts.
import { Command, CommanderError, Option } from 'commander';
import path from 'node:path';
import { checkMany, expandInputs, isOutputFolder, namesWorkbook, scoredName, scoreMany, type BatchIo } from './batch';
import { check, clearFile, demo, scoreFile, type CommonOptions } from './commands';
import { CliError } from './errors';
import { parseYear, type EvidencePolicy, type Lang } from '../model';

interface RawOpts {
  sheet?: string;
  lang?: string;
  policy?: string;
  framework?: string;
  strict?: boolean;
  json?: boolean;
  csv?: boolean;
  output?: string;
  maxMb?: string;
  year?: string;
}

function langOf(argv: string[]): Lang {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const v = i < 0 ? '' : argv[i]!.includes('=') ? argv[i]!.split('=')[1] : argv[i + 1];
  return v === 'en' ? 'en' : 'vi';
}

function common(o: RawOpts): CommonOptions {
  const maxMb = o.maxMb === undefined ? 50 : Number(o.maxMb);
  if (!Number.isFinite(maxMb) || maxMb <= 0) throw new CliError('usage', { detail: `--max-mb ${o.maxMb}` });
  const year = o.year === undefined ? null : parseYear(o.year);
  if (o.year !== undefined && year === null) throw new CliError('usage', { detail: `--year ${o.year}` });
  return {
    lang: (o.lang as Lang) ?? 'vi',
    policy: (o.policy as EvidencePolicy) ?? 'zero',
    limits: { maxMb, maxRatio: 200 },
    ...(o.sheet !== undefined ? { sheet: o.sheet } : {}),
    ...(o.framework !== undefined ? { framework: o.framework } : {}),
    ...(o.strict ? { strict: true } : {}),
    ...(year !== null ? { year } : {}),
  };
}

function shared(cmd: Command): Command {
  return cmd
    .addOption(new Option('--lang <lang>', 'vi | en').choices(['vi', 'en']).default('vi'))
    .addOption(new Option('--policy <policy>', 'missing evidence: zero | explain | flag').choices(['zero', 'explain', 'flag']).default('zero'))
    .option('--sheet <name>', 'sheet holding the appendix (default: the largest table)')
    .option('--framework <file.json>', 'criteria framework JSON replacing the built-in ones')
    .option('--year <yyyy>', 'assessment year, for targets set year by year (default: the year the table title names)')
    .option('--max-mb <n>', 'largest unpacked workbook accepted, MB', '50')
    .option('--strict', 'exit 1 when error findings exist');
}

/** commander's message (English) in the officer's language: the usual mistakes by their code, anything else as commander says it. */
export function usageDetail(e: CommanderError, lang: Lang): string {
  const msg = e.message.replace(/^error:\s*/, '').split('\n')[0]!;
  if (lang === 'en') return msg;
  const quoted = [...msg.matchAll(/'([^']*)'/g)].map((m) => m[1]!);
  switch (e.code) {
    case 'commander.missingArgument':
      return `thiếu tham số <${quoted[0] ?? ''}> (tệp Excel)`;
    case 'commander.optionMissingArgument':
      return `tùy chọn ${quoted[0] ?? ''} cần một giá trị`;
    case 'commander.missingMandatoryOptionValue':
      return `thiếu tùy chọn bắt buộc ${quoted[0] ?? ''}`;
    case 'commander.unknownOption':
      return `không có tùy chọn ${quoted[0] ?? ''}`;
    case 'commander.unknownCommand':
      return `không có lệnh ${quoted[0] ?? ''} (các lệnh: check, score, clear, demo)`;
    case 'commander.invalidArgument': {
      const choices = /Allowed choices are (.*)\.$/.exec(msg)?.[1];
      return `giá trị ${quoted[1] ?? ''} của ${quoted[0] ?? ''} không hợp lệ${choices ? ` (chọn: ${choices})` : ''}`;
    }
    case 'commander.excessArguments':
      return `thừa tham số cho lệnh ${quoted[0] ?? ''}`;
    default:
      return msg;
  }
}

export async function main(argv: string[]): Promise<number> {
  const lang = langOf(argv);
  let code = 0;
  const program = new Command('parscore')
    .description('Kiểm tra và chấm điểm phụ lục kế hoạch CCHC / PAPI / SIPAS (Check and score PAR INDEX / PAPI / SIPAS appendices)')
    .exitOverride()
    .configureOutput({ writeErr: () => undefined });
  const write = (s: string) => process.stdout.write(s.endsWith('\n') ? s : `${s}\n`);
  const io: BatchIo = {
    out: (s) => process.stdout.write(s),
    err: (s) => process.stderr.write(`${s}\n`),
    status: (c) => {
      process.exitCode = c; // what an early stop of the reader exits with (below)
    },
  };
  shared(
    program
      .command('check <file...>')
      .description('kiểm tra và in báo cáo (nhiều tệp, thư mục: từng tệp rồi bảng tổng hợp) / check and print a report (several files or folders: each, then a table)')
      .option('--json', 'one JSON object (an array for several files)')
      .option('--csv', 'the findings as CSV (RFC 4180, formula-safe; a file column for several files)'),
  ).action(
    async (args: string[], o: RawOpts) => {
      const opts = { ...common(o), ...(o.json ? { json: true } : {}), ...(o.csv ? { csv: true } : {}) };
      const { inputs, several } = expandInputs(args);
      if (several) {
        code = await checkMany(inputs, opts, io);
        return;
      }
      const r = await check(inputs[0]!.file, opts);
      write(r.stdout);
      code = r.exitCode;
    },
  );
  shared(
    program
      .command('score <file...>')
      .description('ghi bản đã chấm (nhiều tệp: vào thư mục -o) / write the scored copy (several files: into the folder -o)')
      .requiredOption('-o, --output <out.xlsx|folder>', 'output workbook, or a folder for the copies under their inputs\' names'),
  ).action(async (args: string[], o: RawOpts) => {
    const { inputs, several } = expandInputs(args);
    const out = o.output!;
    if (several) {
      if (!isOutputFolder(out) && namesWorkbook(out)) throw new CliError('output-folder', { file: out });
      code = await scoreMany(inputs, out, common(o), io);
      return;
    }
    const file = inputs[0]!.file;
    const r = await scoreFile(file, isOutputFolder(out) ? path.join(out, scoredName(file)) : out, common(o));
    write(r.stdout);
    code = r.exitCode;
  });
  program
    .command('clear <file>')
    .description('xóa mọi đánh dấu của parscore / remove everything parscore added')
    .requiredOption('-o, --output <out.xlsx>', 'output workbook')
    .addOption(new Option('--lang <lang>', 'vi | en').choices(['vi', 'en']).default('vi'))
    .option('--max-mb <n>', 'largest unpacked workbook accepted, MB', '50')
    .action(async (file: string, o: RawOpts) => {
      const r = await clearFile(file, o.output!, common(o));
      process.stdout.write(`${r.stdout}\n`);
    });
  shared(program.command('demo').description('chấm ví dụ kèm theo / score the bundled example')).action(async (o: RawOpts) => {
    const r = await demo(common(o));
    process.stdout.write(`${r.stdout}\n`);
  });
  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.exitCode === 0) return 0;
      process.stderr.write(`${new CliError('usage', { detail: usageDetail(e, lang) }).render(lang)}\n`);
      return 2;
    }
    if (e instanceof CliError) {
      process.stderr.write(`${e.render(lang)}\n`);
      return 2;
    }
    // A bug, not an input problem: still one line, no stack trace for the officer.
    process.stderr.write(`parscore: ${(e as Error)?.message ?? String(e)}\n`);
    return 3;
  }
}

if (require.main === module) {
  // A reader that stops early (`parscore check Phòng-ban/ | head`): stop quietly, as other tools do.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  main(process.argv.slice(2)).then((c) => {
    process.exitCode = c;
  });
}
