import type { Migration } from 'kysely';
import * as m20261123T1930 from './20261123T1930_init';
import * as m20261124T0900 from './20261124T0900_commands_views';
import * as m20261125T1000 from './20261125T1000_name_lookups';
import * as m20261125T1100 from './20261125T1100_audit_append_only';
import * as m20261201T0700 from './20261201T0700_staff';
import * as m20261204T1900 from './20261204T1900_place_keys';
import * as m20261204T2000 from './20261204T2000_command_dropped';
import * as m20261204T2100 from './20261204T2100_followup_marks';
import * as m20261204T2200 from './20261204T2200_staff_sign_in';
import * as m20261205T0400 from './20261205T0400_approval_rounds';
import * as m20261206T2100 from './20261206T2100_ties_grid_order';
import * as m20261206T2200 from './20261206T2200_count_indexes';

/**
 * The static list of migrations, in order. Names are timestamps, so sorting them as text
 * sorts them in time (no `"10"` before `"2"`). Add a line per new migration; never edit one.
 */
export const migrations: Readonly<Record<string, Migration>> = {
  '20261123T1930_init': m20261123T1930,
  '20261124T0900_commands_views': m20261124T0900,
  '20261125T1000_name_lookups': m20261125T1000,
  '20261125T1100_audit_append_only': m20261125T1100,
  '20261201T0700_staff': m20261201T0700,
  '20261204T1900_place_keys': m20261204T1900,
  '20261204T2000_command_dropped': m20261204T2000,
  '20261204T2100_followup_marks': m20261204T2100,
  '20261204T2200_staff_sign_in': m20261204T2200,
  '20261205T0400_approval_rounds': m20261205T0400,
  '20261206T2100_ties_grid_order': m20261206T2100,
  '20261206T2200_count_indexes': m20261206T2200,
};

export const LATEST_SCHEMA = Object.keys(migrations).sort().at(-1) ?? '';
