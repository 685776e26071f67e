import { findLetterOfTie } from '../../../db/letters.repository';
import { LETTER_COLUMNS, letterCreateInput, type LetterPatch } from '../../../shared/ipc/letters';
import { createLetterIn, updateLetterIn } from '../../letters/letters.write';
import { resolveTieRef } from '../../ties/tie-ref';
import { changes, duplicateOf, parseRow, rawOf, type Applier } from './common';

/** A letter of intent by its tie, title and signing date. */

const LETTER_PATCHABLE = LETTER_COLUMNS.filter(
  (f) => !['local', 'partner', 'country', 'title', 'signed_on'].includes(f),
);

export function lettersApplier(): Applier {
  const seen = new Map<string, number>();
  return {
    async row(env, input) {
      const raw = rawOf(input, LETTER_COLUMNS, [
        'local',
        'partner',
        'country',
        'title',
        'doc_type',
        'status',
      ]);
      const parsed = parseRow(letterCreateInput, raw);
      const tieId = await resolveTieRef(env.trx, parsed);
      const found = await findLetterOfTie(env.trx, tieId, parsed.title, parsed.signed_on ?? null);
      if (!found) {
        const id = await createLetterIn(env, { ...parsed, tie_id: tieId });
        seen.set(id, input.line);
        return 'created';
      }
      duplicateOf(seen, found.id, input.line);
      const given = Object.fromEntries(
        LETTER_PATCHABLE.filter((f) => f in raw).map((f) => [f, parsed[f]]),
      );
      const patch = changes(given, found, LETTER_PATCHABLE);
      if (Object.keys(patch).length === 0) return 'unchanged';
      await updateLetterIn(env, found.id, found.version, patch as LetterPatch);
      return 'updated';
    },
    finish: async () => [],
  };
}
