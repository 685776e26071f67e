import { Command, CommanderError, Option } from 'commander';
import path from 'node:path';
import { z } from 'zod';
import { RegistryOpenError } from '../../db/connection';
import type { Lang } from '../../shared/i18n';
import { CHANNELS, contract } from '../../shared/ipc/contract';
import {
  CliFailure,
  dbOption,
  PACKAGE_ROOT,
  parseLang,
  parsePort,
  processIo,
  refusalText,
  requireDb,
  userOption,
  withSession,
  JOB_WORKER,
  type Io,
} from './common';
import { registerExport } from './export';
import { registerImport } from './import';
import { registerBackupCommands } from './backup';
import { registerMigrate } from './migrate';
import { registerReport } from './report';
import { startHost } from '../host/server';
import type { RegistrySwitch } from '../core/platform';
import {
  lastRegistry,
  loadRecent,
  openWorkspace,
  RECENT_FILE,
  SAMPLE_FILE,
  sampleCsv,
  userDataDir,
  type Workspace,
} from '../registries/workspace';
import { openErrorText, openRegistry } from '../registry';

/**
 * Commands beyond the core ones, each in its own module under main/cli/ (import, export,
 * report, backup…): `(program, io) => void`, registered here.
 */
const COMMANDS: readonly ((program: Command, io: Io) => void)[] = [
  registerImport,
  registerExport,
  registerBackupCommands,
  registerReport,
  registerMigrate,
];

/**
 * The `youcheng` command line. Standard output carries only results (JSON, a URL), so it can be
 * piped to jq; messages and errors go to standard error, and failures exit with 1.
 */

export function buildProgram(io: Io = processIo): Command {
  const program = new Command('youcheng')
    .description('友城 Youcheng: the registry of international city ties, from the command line.')
    .configureOutput({
      writeOut: (s) => io.out(s.replace(/\n$/, '')),
      writeErr: (s) => io.err(s.replace(/\n$/, '')),
    })
    .exitOverride()
    .showHelpAfterError();

  program
    .command('channels')
    .description('list every channel of the contract with its input JSON schema')
    .action(() => {
      const out: Record<string, unknown> = {};
      for (const name of CHANNELS) {
        const spec = contract[name];
        out[name] = {
          writes: spec.writes,
          input: z.toJSONSchema(spec.input, { io: 'input', unrepresentable: 'any' }),
        };
      }
      io.out(JSON.stringify(out, null, 2));
    });

  program
    .command('call')
    .description('call one channel through the same door as the app; prints the result as JSON')
    .addOption(dbOption())
    .addOption(
      new Option('--lang <lang>', 'language of error messages (zh or en)')
        .argParser(parseLang)
        .default('en'),
    )
    .addOption(userOption())
    .argument('<channel>', 'a channel, e.g. ties:list (see `youcheng channels`)')
    .argument('[input]', 'the input as JSON', '{}')
    .action(
      async (
        channel: string,
        inputText: string,
        opts: { db?: string; lang: Lang; user?: string },
      ) => {
        let input: unknown;
        try {
          input = JSON.parse(inputText);
        } catch (error) {
          throw new CliFailure(`The input is not JSON: ${(error as Error).message}`);
        }
        const result = await withSession(requireDb(opts.db), opts, (s) => s.call(channel, input));
        if (!result.ok) throw new CliFailure(refusalText(result.error, opts.lang, opts.user));
        io.out(JSON.stringify(result.value, null, 2));
      },
    );

  program
    .command('serve')
    .description(
      'serve the app to a browser on 127.0.0.1; prints its URL (with the token) on one line',
    )
    .addOption(dbOption())
    .addOption(
      new Option('--port <n>', 'port to listen on (0 picks a free one)')
        .argParser(parsePort)
        .default(0),
    )
    .addOption(
      new Option('--lang <lang>', 'default language of error messages').argParser(parseLang),
    )
    .addOption(
      new Option(
        '--state <dir>',
        'folder of the recent-registries list and the sample registry (the user-data folder)',
      ).env('YOUCHENG_STATE_DIR'),
    )
    .action(async (opts: { db?: string; port: number; lang?: Lang; state?: string }) => {
      const state = opts.state ?? userDataDir();
      const recentFile = path.join(state, RECENT_FILE);
      // Without --db, the registry open last (in this folder's list) opens again.
      const file = opts.db ?? lastRegistry(loadRecent(recentFile)) ?? requireDb(undefined);
      const switcher: { current?: RegistrySwitch } = {};
      let workspace: Workspace;
      try {
        workspace = await openWorkspace(file, {
          recentFile,
          sample: { file: path.join(state, SAMPLE_FILE), csv: sampleCsv(PACKAGE_ROOT) },
          open: (f) =>
            openRegistry({
              file: f,
              host: 'browser',
              jobWorker: JOB_WORKER,
              ...(opts.lang ? { lang: opts.lang } : {}),
              platform: {
                kind: 'browser',
                get registries() {
                  return switcher.current;
                },
              },
              log: (channel, error) =>
                io.err(`youcheng: ${channel} failed: ${(error as Error)?.stack ?? String(error)}`),
            }),
        });
        switcher.current = workspace;
      } catch (error) {
        if (error instanceof RegistryOpenError)
          throw new CliFailure(openErrorText(error, opts.lang ?? 'en'));
        throw error;
      }
      const host = await startHost({
        door: workspace.door,
        staticDir: path.join(PACKAGE_ROOT, 'dist', 'renderer'),
        port: opts.port,
      });
      io.out(host.url);
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      await host.close();
      await workspace.close();
    });

  for (const register of COMMANDS) register(program, io);
  return program;
}

/** Runs the CLI; resolves to the exit code instead of exiting, so tests can call it. */
export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  const program = buildProgram(io);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ||
        error.code === 'commander.helpDisplayed' ||
        error.code === 'commander.version'
        ? 0
        : 1;
    }
    if (error instanceof CliFailure) {
      io.err(`youcheng: ${error.message}`);
      return 1;
    }
    io.err(`youcheng: ${(error as Error)?.stack ?? String(error)}`);
    return 1;
  }
}
