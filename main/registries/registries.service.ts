import path from 'node:path';
import type { ParsedInputOf } from '../../shared/ipc/contract';
import type { RegistriesInfo } from '../../shared/ipc/registries';
import type { CallContext } from '../core/context';
import { AppError } from '../core/errors';
import type { ServiceDeps } from '../core/transaction';

/**
 * The registries channels, answered by the host's workspace (main/registries/workspace.ts) when it has
 * one; the CLI has none, so it names its one file and refuses to switch.
 */
export function createRegistriesService(deps: ServiceDeps) {
  const file = deps.storage?.file ?? ':memory:';
  const workspace = () => {
    const switcher = deps.platform.registries;
    if (!switcher) throw new AppError('unavailable', 'errors.unavailable', { what: 'registries' });
    return switcher;
  };
  return {
    current(): RegistriesInfo {
      return (
        deps.platform.registries?.info() ?? {
          file,
          name: path.basename(file),
          recent: [],
          canSwitch: false,
          canPick: false,
          sample: false,
        }
      );
    },
    open: (input: ParsedInputOf<'registries:open'>, ctx: CallContext) =>
      workspace().open(input.file, input.create, ctx.actor),
    async pick(input: ParsedInputOf<'registries:pick'>, ctx: CallContext) {
      const switcher = workspace();
      if (!switcher.pick)
        throw new AppError('unavailable', 'errors.unavailable', { what: 'registries:pick' });
      const chosen = await switcher.pick(input.mode, ctx.lang);
      return chosen === null ? null : switcher.open(chosen, input.mode === 'create', ctx.actor);
    },
    forget: async (input: ParsedInputOf<'registries:forget'>) => workspace().forget(input.file),
    sample: (_input: unknown, ctx: CallContext) => workspace().openSample(ctx),
  };
}
