import { chainStepFrom, listChainTemplates, replaceChain } from '../../db/chains.repository';
import type { Executor } from '../../db/schema';
import { DEFAULT_CHAINS, type ChainStep } from '../../shared/chains';
import { LEVELS, type Level } from '../../shared/enums';
import type { ParsedInputOf } from '../../shared/ipc/contract';
import type { ServiceDeps } from '../core/transaction';
import { audit, type WriteEnv } from '../core/write-env';

/**
 * The approval chains per level: the office's own where Settings give one, else the default.
 * `chainsIn` reads through the caller's db or transaction.
 */

export async function chainsIn(db: Executor): Promise<Record<Level, ChainStep[]>> {
  const rows = await listChainTemplates(db);
  const out = {} as Record<Level, ChainStep[]>;
  for (const level of Object.keys(LEVELS) as Level[]) {
    const own = rows.filter((r) => r.level === level).map(chainStepFrom);
    out[level] = own.length > 0 ? own : [...DEFAULT_CHAINS[level]];
  }
  return out;
}

export function createChainsService(deps: ServiceDeps) {
  return {
    chains: () => chainsIn(deps.db),

    async setChainIn(env: WriteEnv, input: ParsedInputOf<'chains:set'>) {
      const before = (await chainsIn(env.trx))[input.level];
      await replaceChain(env.trx, input.level, input.steps, () => env.ids.next());
      await audit(env, 'chain', input.level, 'update', before, input.steps);
      return chainsIn(env.trx);
    },
  };
}
