import { z } from 'zod';
import { command, query } from './channel';

/** A backup's file name: `<registry>-<UTC stamp>-<reason>[-n].db`, never a path. */
export const BACKUP_NAME_PATTERN =
  /^(.+)-(\d{8}T\d{6}\d{3}Z)-(auto|manual|pre-migration|pre-restore)(?:-(\d+))?\.db$/;

export type BackupReason = 'auto' | 'manual' | 'pre-migration' | 'pre-restore';

export interface BackupRow {
  readonly name: string;
  /** When it was taken, ISO-8601 UTC. */
  readonly at: string;
  readonly reason: BackupReason;
  /** Bytes. */
  readonly size: number;
}

export interface BackupList {
  /** Where the backups are kept, to tell the user. */
  readonly folder: string;
  readonly rows: readonly BackupRow[];
}

export interface RestoreOutcome {
  readonly restored: BackupRow;
  /** The backup of the registry as it was just before, to go back to. */
  readonly safety: BackupRow | null;
}

const backupName = z
  .string()
  .max(255)
  .regex(BACKUP_NAME_PATTERN)
  .refine((name) => !/[\\/]/.test(name));

export const backupsChannels = {
  'backups:list': query(z.strictObject({})).returns<BackupList>(),
  'backups:create': command(z.strictObject({})).returns<BackupRow>(),
  'backups:restore': command(z.strictObject({ name: backupName })).returns<RestoreOutcome>(),
};
