import { getTie } from '../../db/ties.repository';
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
  let q = db
    .selectFrom('ties as t')
    .innerJoin('localities as l', 'l.id', 't.locality_id')
    .innerJoin('partners as p', 'p.id', 't.partner_id')
    .select(['t.id', 'p.country'])
    .where('t.deleted_at', 'is', null)
    .where((eb) =>
      eb.or([eb('l.name', '=', local), eb('l.name_zh', '=', local), eb('l.name_en', '=', local)]),
    )
    .where((eb) =>
      eb.or([
        eb('p.name', '=', partner),
        eb('p.name_zh', '=', partner),
        eb('p.name_en', '=', partner),
        eb('p.name_local', '=', partner),
      ]),
    );
  if (ref.country) q = q.where('p.country', '=', ref.country);
  const found = await q.limit(2).execute();
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
