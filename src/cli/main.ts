/**
 * `moderation-qa <command> FILE [options]`: the add-in's flows, headless, on .xlsx and .csv files,
 * for leads who schedule weekly reports. Exit codes: 0 done, 1 findings with --strict, 2 bad input
 * or usage (with a clear localized message, never a stack trace).
 *
 * A sub-command lives in its own file (src/cli/<name>.ts) exporting a CliCommand; register it by
 * adding it to COMMANDS below. This file and context.ts load nothing heavy: flows and the emulator
 * are imported inside each action, so `--help` and `plan` start fast.
 */
import { Command, CommanderError, Help, type Option } from 'commander';
import { createContext, langOf, type CliCommand, type CliContext, type CliIo } from './context';
import { planCommand } from './plan';
import { coachCommand, trendCommand } from './trend';
import { reportCommand } from './report';
import { sampleCommand } from './sample';
import { validateCommand } from './validate';
import { exportCommand } from './warehouse/cliActions';
import { agreementCommand } from './agreement';
import type { MessageKey } from '../i18n';

export type { CliIo } from './context';

/** Every sub-command, in the order help lists them. */
const COMMANDS: CliCommand[] = [
  validateCommand,
  sampleCommand,
  reportCommand,
  planCommand,
  exportCommand,
  trendCommand,
  coachCommand,
  agreementCommand,
];

/** Commander's help with its titles and placeholders in the user's language. */
function localizedHelp(ctx: CliContext): Partial<Help> {
  const words = (text: string) =>
    text.replace('[options]', ctx.L('cli.help.optionsWord')).replace('[command]', ctx.L('cli.help.commandWord'));
  const titles: Record<string, MessageKey> = {
    'Usage:': 'cli.help.usage',
    'Options:': 'cli.help.options',
    'Commands:': 'cli.help.commands',
    'Arguments:': 'cli.help.arguments',
    'Global Options:': 'cli.help.globalOptions',
  };
  return {
    styleTitle: (title: string) => (titles[title] ? ctx.L(titles[title]) : title),
    styleUsage: words,
    subcommandTerm(this: Help, command: Command) {
      return words(Help.prototype.subcommandTerm.call(this, command));
    },
    // Commander appends "(choices: …, default: …)" in English.
    optionDescription(this: Help, option: Option) {
      return Help.prototype.optionDescription
        .call(this, option)
        .replace(/\(choices: /g, `(${ctx.L('cli.help.choices')} `)
        .replace(/\bdefault: /g, `${ctx.L('cli.help.default')} `);
    },
  };
}

/** Commander's usage errors, by code, in the user's language (its own words quoted as the detail). */
function usageMessage(error: CommanderError, ctx: CliContext): string {
  const detail = error.message.replace(/^error: /, '');
  const known: Record<string, MessageKey> = {
    'commander.unknownOption': 'cli.usage.unknownOption',
    'commander.unknownCommand': 'cli.usage.unknownCommand',
    'commander.missingArgument': 'cli.usage.missingArgument',
    'commander.missingMandatoryOptionValue': 'cli.usage.missingOption',
    'commander.optionMissingArgument': 'cli.usage.optionMissingArgument',
    'commander.invalidArgument': 'cli.usage.invalidArgument',
    'commander.excessArguments': 'cli.usage.excessArguments',
  };
  const key = known[error.code];
  return ctx.L('cli.error.usage', { message: key ? ctx.L(key, { detail }) : detail });
}

/** Runs the CLI; returns the exit code. */
export async function main(argv: string[], io: CliIo): Promise<number> {
  const lang = langOf(argv, io.env);
  const ctx = createContext(io, lang);
  const program = new Command('moderation-qa')
    .description(ctx.L('cli.description'))
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err, outputError: () => undefined })
    .configureHelp(localizedHelp(ctx))
    .helpOption('-h, --help', ctx.L('cli.opt.help'))
    .helpCommand('help [command]', ctx.L('cli.opt.help'))
    .option('--lang <lang>', ctx.L('cli.opt.lang'))
    .showHelpAfterError(false);
  for (const register of COMMANDS) register(program, ctx);
  for (const command of program.commands)
    command.configureHelp(localizedHelp(ctx)).helpOption('-h, --help', ctx.L('cli.opt.help'));

  // No command at all: the help, and a failure (a scheduled job with a typo must not pass).
  if (argv.filter((a, i) => !(a === '--lang' || argv[i - 1] === '--lang' || a.startsWith('--lang='))).length === 0) {
    io.err(program.helpInformation());
    return 2;
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
    return ctx.exit;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (
        error.code === 'commander.helpDisplayed' ||
        error.code === 'commander.help' ||
        error.code === 'commander.version'
      )
        return 0;
      io.err(`${usageMessage(error, ctx)}\n`);
      return 2;
    }
    const e = error as Error & { render?: (l: typeof lang) => string };
    if (e?.name === 'FlowError' && typeof e.render === 'function') io.err(`${e.render(lang)}\n`);
    else if (e?.name === 'CliFailure' || e?.constructor?.name === 'WarehouseFailure') io.err(`${e.message}\n`);
    // Anything else is our bug: say so in the user's words, with what to send, never a stack trace.
    else io.err(`${ctx.L('cli.error.unexpected', { message: String(e?.message ?? error).split('\n')[0] })}\n`);
    return (e as { exitCode?: number }).exitCode ?? 2;
  }
}

if (require.main === module) {
  main(process.argv.slice(2), {
    out: (s) => process.stdout.write(s),
    err: (s) => process.stderr.write(s),
    env: process.env,
    isTTY: Boolean(process.stderr.isTTY),
    now: () => Date.now(),
  }).then((code) => {
    process.exitCode = code;
  });
}
