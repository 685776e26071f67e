import { namesWithoutKeys, setPlaceKeys } from '../../db/localities.repository';
import type { Db } from '../../db/schema';
import { placeKeys } from '../../shared/place-keys';

/**
 * Gives the rows of a registry written before pinyin sort keys were kept their keys, once, when
 * it opens (a migration may not import app code, and pinyin needs it). The keys are derived
 * from the name alone, so this is no change anyone made: it takes no version and no audit row.
 */
export async function fillPlaceKeys(db: Db): Promise<number> {
  let filled = 0;
  for (const table of ['localities', 'partners'] as const) {
    const rows = await namesWithoutKeys(db, table);
    if (rows.length === 0) continue;
    await db.transaction().execute(async (trx) => {
      for (const row of rows) await setPlaceKeys(trx, table, row.id, placeKeys(row.name));
    });
    filled += rows.length;
  }
  return filled;
}
