import { dayOf } from '../../../shared/dates';
import type { SheetKind } from '../../../shared/interchange';
import type { Applier, SheetContext } from './common';
import { eventsApplier } from './events';
import { lettersApplier } from './letters';
import { localitiesApplier, partnersApplier } from './places';
import { stepsApplier } from './steps';
import { tiesApplier } from './ties';
import { visitsApplier } from './visits';

/**
 * One row of a sheet applied through the same write blocks as a grid edit or the CLI, after
 * finding the record it names (its identity), so a second import of the same file updates
 * instead of duplicating. Identities: a locality by name; a partner by name and country; a
 * tie by locality, partner and country; a letter by its tie, title and signing date; a step
 * by its tie, round and position; a visit by direction, locality, country, start date and
 * leader. An event sheet brings a tie's whole history, replacing the one derived from dates.
 */

export { problemsOf, RowRefusal } from './common';
export type { Applier, Outcome, Problem, RowInput, SheetContext } from './common';

export function createApplier(kind: SheetKind, now: Date, sheet: SheetContext): Applier {
  switch (kind) {
    case 'localities':
      return localitiesApplier();
    case 'partners':
      return partnersApplier();
    case 'ties':
      return tiesApplier(sheet);
    case 'events':
      return eventsApplier();
    case 'letters':
      return lettersApplier();
    case 'steps':
      return stepsApplier(dayOf(now));
    case 'visits':
      return visitsApplier();
  }
}
