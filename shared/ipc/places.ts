import { z } from 'zod';
import type { CountryCode } from '../countries';
import type { Level, Stage } from '../enums';
import type { DuplicateReason } from '../place-duplicates';
import { id, name, optionalName, version } from '../schemas';
import { command, query } from './channel';

/** A locality as the Places screen lists it. */
export interface PlaceLocality {
  readonly id: string;
  readonly name: string;
  readonly name_zh: string | null;
  readonly name_en: string | null;
  readonly level: Level;
  readonly parent_id: string | null;
  readonly parent: string | null;
  readonly code: string | null;
  /** Its pinyin and initials, so the search box finds 合肥市 by `hefei` or `hf`. */
  readonly pinyin: string | null;
  readonly initials: string | null;
  readonly ties: number;
  readonly version: number;
}

/** A partner as the Places screen lists it. */
export interface PlacePartner {
  readonly id: string;
  readonly name: string;
  readonly name_zh: string | null;
  readonly name_en: string | null;
  readonly country: CountryCode;
  readonly pinyin: string | null;
  readonly initials: string | null;
  readonly ties: number;
  readonly version: number;
}

export type PlaceKindOf = 'locality' | 'partner';

/** Two records the registry probably holds for one place. */
export interface PlaceSuggestion {
  readonly of: PlaceKindOf;
  readonly a: string;
  readonly b: string;
  readonly reason: DuplicateReason;
}

export interface PlacesOverview {
  readonly localities: readonly PlaceLocality[];
  readonly partners: readonly PlacePartner[];
  readonly suggestions: readonly PlaceSuggestion[];
}

/** A live tie as a merge names it. */
export interface TieBrief {
  readonly id: string;
  readonly version: number;
  readonly local: string;
  readonly partner: string;
  readonly country: CountryCode;
  readonly stage: Stage;
}

/** A tie of the merged-away record that would repeat a live tie of the kept one. */
export interface MergeClash {
  readonly kept: TieBrief;
  readonly moved: TieBrief;
}

export interface MergePlan {
  readonly ties: number;
  readonly visits: number;
  readonly children: number;
  readonly clashes: readonly MergeClash[];
}

const merge = z.strictObject({
  of: z.enum(['locality', 'partner']),
  keep: id,
  remove: id,
});

export const placesChannels = {
  'places:overview': query(z.strictObject({})).returns<PlacesOverview>(),
  'partners:update': command(
    z.strictObject({
      id,
      version,
      patch: z
        .strictObject({ name: name(100), name_zh: optionalName(100), name_en: optionalName(100) })
        .partial(),
    }),
  ).returns<PlacePartner>(),
  /** What a merge would move, and the ties it would make twice (it is refused while any). */
  'places:mergePlan': query(merge).returns<MergePlan>(),
  'places:merge': command(merge).returns<MergePlan>(),
};
