import { findLocalityByName } from '../../../db/localities.repository';
import { findPartner, partnerSpellings, spellingKey } from '../../../db/partners.repository';
import type { Row } from '../../../db/schema';
import { findLiveTie, getTieRow } from '../../../db/ties.repository';
import type { Level, Stage } from '../../../shared/enums';
import { stageFromDates } from '../../../shared/interchange';
import type { ImportNotice } from '../../../shared/ipc/interchange';
import { TIE_COLUMNS, tieCreateInput, type TiePatch } from '../../../shared/ipc/ties';
import type { TieRow } from '../../../shared/model';
import type { WriteEnv } from '../../core/write-env';
import { createTieIn, historicalStages, updateTieIn } from '../../ties/ties.write';
import { levelFromDirectory } from '../levels';
import { changes, duplicateOf, parseRow, rawOf, type Applier, type SheetContext } from './common';

/**
 * A tie by its locality, partner and country; its events follow from the dates it gives.
 * What the sheet leaves out is inferred where it can be: without a 阶段 column a new tie's
 * stage follows from its dates; without a 我方级别 column a new locality's level comes from
 * the place directory, and a locality it does not know is reported once, not on every row.
 */

const TIE_NEEDS_VALUE = ['local', 'local_level', 'partner', 'country', 'kind', 'stage'];
const TIE_PATCHABLE = TIE_COLUMNS.filter((f) => !['local', 'partner', 'country'].includes(f));

export function tiesApplier(sheet: SheetContext): Applier {
  const seen = new Map<string, number>();
  const inferred = new Map<Stage, number>();
  /** New localities without a level, by name: the rows that name them. */
  const unknownLevel = new Map<string, number[]>();
  // A ledger names a few localities over and over; each is looked up once per spelling. A row
  // that changes a locality's level clears them all (one locality may go by several names).
  const localities = new Map<string, Row<'localities'>>();
  /** The locality known by this name at this level, if it has been looked up already. */
  const knownLocality = (name: string, level: Level | undefined) => {
    const known = localities.get(name);
    return known && (level === undefined || level === known.level) ? known : undefined;
  };
  const localityFor = async (env: WriteEnv, name: string, level: Level | undefined) => {
    const known = knownLocality(name, level);
    if (known) return known;
    const found = await findLocalityByName(env.trx, name);
    if (found && level !== undefined && level !== found.level) localities.clear();
    else if (found) localities.set(name, found);
    return found;
  };
  // Most partners of a new ledger are new: a name no partner goes by needs no look-up (four
  // indexed reads a row). The sheet's spellings are read once; the import holds the write lock,
  // so only its own rows add spellings, and each row's are added once it is written (a name
  // wrongly thought known is only looked up).
  let spellings: Set<string> | null = null;
  const partnerFor = async (env: WriteEnv, name: string, country: string) => {
    spellings ??= await partnerSpellings(env.trx);
    return spellings.has(spellingKey(country, name))
      ? await findPartner(env.trx, name, country)
      : undefined;
  };
  /** A name no partner goes by: no look-up to wait for. */
  const unknownPartner = (name: string, country: string) =>
    spellings !== null && !spellings.has(spellingKey(country, name));
  const written = (parsed: { partner: string; partner_zh?: string | null; country: string }) => {
    spellings?.add(spellingKey(parsed.country, parsed.partner));
    if (parsed.partner_zh) spellings?.add(spellingKey(parsed.country, parsed.partner_zh));
  };
  return {
    async row(env, input) {
      const raw = rawOf(input, TIE_COLUMNS, TIE_NEEDS_VALUE);
      const parsed = parseRow(tieCreateInput, raw);
      // Most rows name a locality already looked up and a partner nobody goes by: answered
      // here, without an await each (an import's time is in such small costs, row after row).
      const locality =
        knownLocality(parsed.local, parsed.local_level) ??
        (await localityFor(env, parsed.local, parsed.local_level));
      const partner = unknownPartner(parsed.partner, parsed.country)
        ? undefined
        : await partnerFor(env, parsed.partner, parsed.country);
      const tie = locality && partner ? await findLiveTie(env.trx, locality.id, partner.id) : null;
      if (!tie) {
        const create = { ...parsed };
        if (!input.present.has('stage')) create.stage = stageFromDates(parsed);
        if (!locality && !input.present.has('local_level')) {
          const level = levelFromDirectory(parsed.local);
          if (level === null) {
            const lines = unknownLevel.get(parsed.local) ?? [];
            lines.push(input.line);
            unknownLevel.set(parsed.local, lines);
            return 'deferred';
          }
          create.local_level = level;
        }
        const id = await createTieIn(env, create, {
          locality: locality ?? null,
          partner: partner ?? null,
        });
        seen.set(id, input.line);
        written(parsed);
        if (!input.present.has('stage'))
          inferred.set(create.stage, (inferred.get(create.stage) ?? 0) + 1);
        return 'created';
      }
      duplicateOf(seen, tie.id, input.line);
      const current = (await getTieRow(env.trx, tie.id)) as NonNullable<
        Awaited<ReturnType<typeof getTieRow>>
      >;
      const given = Object.fromEntries(
        TIE_PATCHABLE.filter((f) => f in raw).map((f) => [f, parsed[f]]),
      );
      const patch = changes(given, current as unknown as Record<string, unknown>, TIE_PATCHABLE);
      if (Object.keys(patch).length === 0) return 'unchanged';
      // The row as a whole must not contradict itself: a stage earlier than its own dates.
      const merged = { ...current, ...patch } as TieRow;
      historicalStages(merged.stage, {
        contact: merged.first_contact_on,
        intent: merged.intent_signed_on,
        established: merged.established_on,
      });
      await updateTieIn(env, tie.id, tie.version, patch as TiePatch, { historical: true });
      written(parsed);
      return 'updated';
    },
    // One problem per locality, on its first row; the import is refused, so its other rows
    // need no word of their own.
    finish: async () =>
      [...unknownLevel].map(([local, lines]) => ({
        line: lines[0]!,
        outcome: [
          {
            field: 'local',
            key: 'import.level.missing',
            params: {
              local,
              add: sheet.zh ? '我方级别' : 'local_level',
              values: sheet.zh ? '省级、市级、县级' : 'province, city, county',
              count: lines.length,
              lines: lines.slice(0, 12).join(', ') + (lines.length > 12 ? ' …' : ''),
            },
          },
        ],
      })),
    notices(): ImportNotice[] {
      if (inferred.size === 0) return [];
      return [
        {
          key: 'import.notice.stagesInferred',
          params: {
            established: inferred.get('established') ?? 0,
            intent: inferred.get('intent') ?? 0,
            contact: inferred.get('contact') ?? 0,
          },
        },
      ];
    },
  };
}
