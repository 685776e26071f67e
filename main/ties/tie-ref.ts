import { findTiesByNames, getTie } from '../../db/ties.repository';
import type { Executor } from '../../db/schema';
import type { TieRefInput } from '../../shared/schemas';
import { AppError } from '../core/errors';

/**
 * Finds the live tie a row names: by id, or by our locality and the partner (in any of their
 * spellings), narrowed by country where the partner's name alone is not enough.
 */
export async function resolveTieRef(
  db: Executor,
  ref: TieRefInput,
  path: (string | number)[] = [],
): Promise<string> {
  if (ref.tie_id !== undefined) {
    const tie = await getTie(db, ref.tie_id);
    if (!tie || tie.deleted_at !== null)
      throw refused(path.concat('tie_id'), 'errors.tie.unknownRef', {
        local: '',
        partner: ref.tie_id,
      });
    return tie.id;
  }
  const local = ref.local ?? '';
  const partner = ref.partner ?? '';
  const found = await findTiesByNames(db, { local, partner, country: ref.country }, 2);
  if (found.length === 0)
    throw refused(path.concat('partner'), 'errors.tie.unknownRef', { local, partner });
  if (found.length > 1)
    throw refused(path.concat('country'), 'errors.tie.ambiguousRef', { local, partner });
  return (found[0] as { id: string }).id;
}

function refused(
  path: (string | number)[],
  key: string,
  params: Record<string, unknown>,
): AppError {
  return new AppError('validation', key, params, { details: [{ path, key, params }] });
}
