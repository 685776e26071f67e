import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { closeSync, openSync, writeSync } from 'node:fs';
import type { Registry } from '../../main/registry';
import type { LetterRow, StepRow, TieRow, VisitRow } from '../../shared/model';
import { call } from './registry';

/** What `populate` made, by kind, for tests that reference existing rows. */
export interface Populated {
  readonly ties: TieRow[];
  readonly letters: LetterRow[];
  readonly steps: StepRow[];
  readonly visits: VisitRow[];
}

const PARTNERS: readonly [string, string][] = [
  ['Nagoya', 'JP'],
  ['St. Louis', 'US'],
  ['Leipzig', 'DE'],
  ['Florence', 'IT'],
  ['Daejeon', 'KR'],
  ['Perth', 'AU'],
  ['Limassol', 'CY'],
  ['Mexicali', 'MX'],
];

/**
 * A small registry with a row in every table the services write: localities at each level,
 * ties at several stages with dated events, letters, approval steps, a visit, settings.
 */
export async function populate(registry: Registry, ties = PARTNERS.length): Promise<Populated> {
  const out: Populated = { ties: [], letters: [], steps: [], visits: [] };
  for (let i = 0; i < ties; i++) {
    const [partner, country] = PARTNERS[i % PARTNERS.length] as [string, string];
    const name = i < PARTNERS.length ? partner : `${partner} ${i}`;
    out.ties.push(
      await call<TieRow>(registry, 'ties:create', {
        local: i % 3 === 0 ? '江苏省' : i % 3 === 1 ? '南京市' : '玄武区',
        local_level: i % 3 === 0 ? 'province' : i % 3 === 1 ? 'city' : 'county',
        partner: name,
        country,
        stage: i % 2 === 0 ? 'established' : 'intent',
        established_on: i % 2 === 0 ? `${1978 + i}` : undefined,
        intent_signed_on: `${1977 + i}-05`,
        notes: `tie ${i}`,
      }),
    );
  }
  const first = out.ties[0] as TieRow;
  out.letters.push(
    await call<LetterRow>(registry, 'letters:create', {
      tie_id: first.id,
      title: '友好交流意向书',
      signed_on: '1977-05-01',
      doc_type: '意向书',
    }),
  );
  out.steps.push(
    await call<StepRow>(registry, 'steps:create', {
      tie_id: (out.ties[1] ?? first).id,
      authority: '南京市人民政府',
      submitted_on: '2026-01-05',
    }),
  );
  out.visits.push(
    await call<VisitRow>(registry, 'visits:create', {
      direction: 'outgoing',
      local: '江苏省',
      country: 'JP',
      leader: '张三',
      start_on: '2025-04-01',
      end_on: '2025-04-06',
      size: 12,
      ties: first.partner,
    }),
  );
  await call(registry, 'settings:update', { patch: { officeName: '南京市外办' } });
  return out;
}

/** Every table's rows, in primary-key order, as plain objects. */
export function dumpTables(sqlite: Database.Database): Record<string, unknown[]> {
  const tables = sqlite
    .prepare(
      "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name",
    )
    .pluck()
    .all() as string[];
  const out: Record<string, unknown[]> = {};
  for (const t of tables) out[t] = sqlite.prepare(`select * from "${t}" order by rowid`).all();
  return out;
}

/** A digest of every row of every table: equal digests, an unchanged registry. */
export function digest(sqlite: Database.Database): string {
  return createHash('sha256')
    .update(JSON.stringify(dumpTables(sqlite)))
    .digest('hex');
}

/** Opens a registry file read-only beside whoever has it open, for checks. */
export function peek<T>(file: string, work: (sqlite: Database.Database) => T): T {
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return work(sqlite);
  } finally {
    sqlite.close();
  }
}

/**
 * Damages a closed registry file the way a bad sector would: overwrites part of the index
 * `ties_stage`, so SQLite's integrity checks fail while the file still opens.
 */
export function damage(file: string): void {
  const root = peek(
    file,
    (s) =>
      (
        s.prepare("select rootpage from sqlite_master where name = 'ties_stage'").get() as {
          rootpage: number;
        }
      ).rootpage,
  );
  const pageSize = 4096;
  const fd = openSync(file, 'r+');
  try {
    writeSync(fd, Buffer.alloc(200, 0x41), 0, 200, (root - 1) * pageSize + 8);
  } finally {
    closeSync(fd);
  }
}
