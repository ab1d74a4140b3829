/**
 * What every CLI sub-command shares: the terminal, the language, printing, and the exit code.
 * Kept free of the flows and the emulator so `--help` and `plan` start without loading them.
 */
import type { Command } from 'commander';
import type { Lang } from '../i18n';
import { t, type MessageKey } from '../i18n';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  env: Record<string, string | undefined>;
  isTTY: boolean;
  now(): number;
}

/** A refusal or failure the user can act on: printed as is (already localized), exit 2. */
export class CliFailure extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
    this.name = 'CliFailure';
  }
}

export interface CliContext {
  io: CliIo;
  lang: Lang;
  /** A message in the user's language. */
  L(key: MessageKey, params?: Record<string, string | number>): string;
  /** A localized failure (exit 2). */
  fail(key: MessageKey, params?: Record<string, string | number>): CliFailure;
  /** JSON on --json, else the text line. */
  print(json: boolean | undefined, data: unknown, text: string): void;
  /** Notes that are not the result (what was read, what was left out): standard error. */
  note(text: string): void;
  /** Sets the exit code the run ends with (1: findings under --strict). */
  setExit(code: number): void;
}

/**
 * A sub-command: a function that adds itself to the program. Register one in main.ts's COMMANDS
 * list (one import, one entry). Load heavy modules (flows, emulator) inside the action with
 * `await import(...)`, so `--help` stays fast.
 */
export type CliCommand = (program: Command, ctx: CliContext) => void;

export function createContext(io: CliIo, lang: Lang): CliContext & { exit: number } {
  const ctx = {
    io,
    lang,
    exit: 0,
    L: (key: MessageKey, params: Record<string, string | number> = {}) => t(key, params, lang),
    fail: (key: MessageKey, params: Record<string, string | number> = {}) => new CliFailure(t(key, params, lang)),
    print: (json: boolean | undefined, data: unknown, text: string) =>
      io.out(json ? `${JSON.stringify(data, null, 2)}\n` : `${text}\n`),
    note: (text: string) => io.err(`${text}\n`),
    setExit(code: number) {
      ctx.exit = code;
    },
  };
  return ctx;
}

/** The language: --lang, else LC_ALL / LANG. */
export function langOf(argv: string[], env: CliIo['env']): Lang {
  const i = argv.indexOf('--lang');
  const v = i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith('--lang='))?.slice(7);
  if (v === 'ja' || v === 'en') return v;
  return (env.LC_ALL || env.LANG || '').toLowerCase().startsWith('ja') ? 'ja' : 'en';
}
