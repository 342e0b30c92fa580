// What every command-line entry point shares: --corpus/--index/--help, config loading, and turning known
// errors into one clear line with the right exit code.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { loadConfig, ConfigError, type Config } from '../config.ts';
import { UserError } from '../errors.ts';
import { createLogger } from '../log.ts';
import { createService } from '../service/service.ts';
import { createProgressReporter } from './progress.ts';

/** Exit codes: 0 ok, 1 failure (also "some files failed to index"), 2 usage or configuration error. */
export const EXIT = { ok: 0, failure: 1, usage: 2 } as const;

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

type Options = NonNullable<ParseArgsConfig['options']>;

const COMMON_OPTIONS = {
  corpus: { type: 'string' },
  index: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies Options;

export const COMMON_HELP = `  --corpus DIR   articles to index (env CORPUS_DIR, default corpus)
  --index DIR    where the index lives (env INDEX_DIR, default data/index)
  -h, --help     show this help`;

/** Parses argv with the common options plus `options`; --corpus/--index override the environment. */
export function parseCommandLine<T extends Options>(argv: string[], options: T, allowPositionals = false) {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: { ...COMMON_OPTIONS, ...options }, allowPositionals, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const values = parsed.values as Record<string, string | boolean | undefined>;
  const loadWithOverrides = (): Config => {
    const overrides: { -readonly [K in keyof Config]?: Config[K] } = {};
    if (typeof values.corpus === 'string') overrides.CORPUS_DIR = values.corpus;
    if (typeof values.index === 'string') overrides.INDEX_DIR = values.index;
    return loadConfig(undefined, overrides);
  };
  return { values, positionals: parsed.positionals, help: values.help === true, loadConfig: loadWithOverrides };
}

/**
 * Opens the service for a terminal command: notices go to stderr, a first build shows a progress bar, and the
 * bar is gone before the command prints anything. Every command closes the service when done.
 * Warnings are logged to stderr (LOG_LEVEL, when set, chooses the level): a note such as "the LLM failed
 * (error id 1a2b3c4d)" can then be looked up by its id, as in the bot's log.
 */
export async function openCliService(config: Config) {
  const progress = createProgressReporter();
  const logger = createLogger(process.env.LOG_LEVEL ? config.LOG_LEVEL : 'warn', 'collab-bot-cli');
  return createService(config, {
    logger,
    onNotice: (line) => process.stderr.write(`${line}\n`),
    onProgress: (event) => progress.update(event),
  }).finally(() => progress.stop());
}

/**
 * Runs a command's main function: usage errors print the usage and exit 2, configuration errors and
 * user errors print their one line, anything else prints its message (and stack with DEBUG=1).
 */
export async function runCommand(main: () => Promise<number>, usage: string): Promise<void> {
  let code: number;
  try {
    code = await main();
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n\n${usage}\n`);
      code = EXIT.usage;
    } else if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      code = EXIT.usage;
    } else if (error instanceof UserError) {
      process.stderr.write(`${error.message}\n`);
      code = EXIT.failure;
    } else {
      const err = error as Error;
      process.stderr.write(`Error: ${err.message}\n${process.env.DEBUG ? `${err.stack}\n` : ''}`);
      code = EXIT.failure;
    }
  }
  process.exitCode = code;
}
