import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditOfCommand } from '../../db/audit.repository';
import { listCommands } from '../../db/commands.repository';
import { readSettings, writeSetting } from '../../db/settings.repository';
import { headlessPlatform, pathsBeside } from '../../main/core/platform';
import { undoable, writer, type ServiceDeps } from '../../main/core/transaction';
import { audit, type WriteEnv } from '../../main/core/write-env';
import type { Registry } from '../../main/registry';
import { ctx, sequentialIds, steppingClock, testRegistry } from '../support/registry';

/**
 * The wrapper every write channel is registered with (main/core/handlers.ts): one transaction
 * per call with one timestamp, and for an undoable block one command whose id its audit rows
 * carry, named from the input, the result, and what stood before the block ran.
 */
describe('write(undoable(block, command))', () => {
  let registry: Registry;
  let deps: ServiceDeps;

  beforeEach(async () => {
    registry = await testRegistry();
    deps = {
      db: registry.db,
      clock: steppingClock(),
      ids: sequentialIds('w'),
      platform: headlessPlatform('cli'),
      paths: pathsBeside('/tmp/youcheng-write-wrapper.db'),
    };
  });
  afterEach(() => registry.close());

  /** Sets one setting and audits it, returning what it wrote. */
  const setName = async (env: WriteEnv, input: { name: string }) => {
    const before = (await readSettings(env.trx)).officeName ?? null;
    await writeSetting(env.trx, 'officeName', input.name, env.at);
    await audit(env, 'setting', 'officeName', 'update', before, input.name);
    return { written: input.name, at: env.at };
  };

  it('logs one command named from the input, the result and what stood before', async () => {
    const write = writer(deps);
    await write(setName)({ name: 'Old office' }, ctx);
    const handler = write(
      undoable(setName, {
        scope: (input) => `scope-${input.name.length}`,
        label: 'undo.settings',
        before: async (env) => ({ was: (await readSettings(env.trx)).officeName }),
        params: (input, result) => ({ name: input.name, written: result.written }),
      }),
    );
    const result = await handler({ name: 'New office' }, ctx);
    expect(result.written).toBe('New office');
    const commands = await listCommands(registry.db, { limit: 10 });
    // The plain block logged no command; the undoable one exactly one.
    expect(commands).toHaveLength(1);
    const [command] = commands;
    expect(command).toMatchObject({
      scope: 'scope-10',
      label: 'undo.settings',
      actor: 'tester',
      at: result.at,
    });
    expect(JSON.parse(String(command?.params))).toEqual({
      was: 'Old office',
      name: 'New office',
      written: 'New office',
    });
    const rows = await auditOfCommand(registry.db, command!.id);
    expect(rows.map((r) => [r.entity, r.entity_id, r.action, r.at])).toEqual([
      ['setting', 'officeName', 'update', result.at],
    ]);
  });

  it('keeps nothing of a block that throws: no setting, no audit row, no command', async () => {
    const write = writer(deps);
    const failing = write(
      undoable(
        async (env: WriteEnv, input: { name: string }) => {
          await setName(env, input);
          throw new Error('refused after writing');
        },
        { scope: 'settings', label: 'undo.settings' },
      ),
    );
    await expect(failing({ name: 'Lost office' }, ctx)).rejects.toThrow('refused after writing');
    expect((await readSettings(registry.db)).officeName).toBeUndefined();
    expect(await listCommands(registry.db, { limit: 10 })).toEqual([]);
    const audits = await registry.db.selectFrom('audit_log').selectAll().execute();
    expect(audits).toEqual([]);
  });
});
