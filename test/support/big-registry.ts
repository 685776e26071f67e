import Database from 'better-sqlite3';
import { openRegistry } from '../../main/registry';

/**
 * A registry of realistic size for benchmarks, written with raw prepared statements in one
 * transaction (tens of thousands of rows a second) after the real migrations built the schema.
 */
const COUNTRIES = [
  'JP',
  'US',
  'DE',
  'FR',
  'IT',
  'GB',
  'KR',
  'AU',
  'CA',
  'BR',
  'MX',
  'ZA',
  'RU',
  'ES',
  'NL',
  'SE',
  'AR',
  'EG',
  'IN',
  'TR',
];
const KINDS = ['friendship', 'exchange'];
const STAGES = [
  'contact',
  'intent',
  'pending',
  'approved',
  'established',
  'established',
  'established',
  'suspended',
  'terminated',
];

export async function makeBigRegistry(
  file: string,
  size: { ties: number; visits: number },
): Promise<void> {
  const registry = await openRegistry({ file, host: 'cli', backups: 'off' });
  await registry.close();
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  const at = '2026-01-01T00:00:00.000Z';
  const insertLocality = db.prepare(
    `insert into localities (id, name, name_zh, name_en, level, parent_id, version, created_at, updated_at) values (?, ?, ?, ?, ?, ?, 1, ?, ?)`,
  );
  const insertPartner = db.prepare(
    `insert into partners (id, name, name_zh, name_en, place_kind, country, region, version, created_at, updated_at) values (?, ?, null, ?, 'city', ?, ?, 1, ?, ?)`,
  );
  const insertTie = db.prepare(
    `insert into ties (id, locality_id, partner_id, kind, stage, established_on, intent_signed_on, first_contact_on, fields, notes, version, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, '["economy","culture"]', ?, 1, ?, ?)`,
  );
  const insertEvent = db.prepare(
    `insert into tie_events (id, tie_id, seq, type, stage, from_stage, occurred_on, occurred_key, confidential, recorded_by, recorded_at) values (?, ?, 1, 'stage', ?, null, ?, ?, 0, 'bench', ?)`,
  );
  const insertVisit = db.prepare(
    `insert into visits (id, direction, locality_id, country, leader, leader_title, start_on, end_on, size, organisation, purpose, fields, agreements_signed, version, created_at, updated_at)
     values (?, ?, ?, ?, ?, '副市长', ?, ?, ?, '外事办', '友好访问', '["culture"]', 0, 1, ?, ?)`,
  );
  const pad = (n: number, w = 7) => String(n).padStart(w, '0');
  db.transaction(() => {
    insertLocality.run('loc-0', '江苏省', '江苏省', 'Jiangsu', 'province', null, at, at);
    for (let l = 1; l <= 30; l++)
      insertLocality.run(`loc-${l}`, `城市${l}`, `城市${l}`, `City ${l}`, 'city', 'loc-0', at, at);
    for (let i = 0; i < size.ties; i++) {
      const country = COUNTRIES[i % COUNTRIES.length] as string;
      const year = 1975 + (i % 50);
      const established = `${year}-${pad((i % 12) + 1, 2)}`;
      const stage = STAGES[i % STAGES.length] as string;
      insertPartner.run(
        `p-${pad(i)}`,
        `Partner ${pad(i)}`,
        `Partner ${pad(i)}`,
        country,
        `Region ${i % 97}`,
        at,
        at,
      );
      insertTie.run(
        `t-${pad(i)}`,
        `loc-${(i % 30) + 1}`,
        `p-${pad(i)}`,
        KINDS[i % 2],
        stage,
        established,
        `${year - 1}`,
        null,
        `tie ${i}`,
        at,
        at,
      );
      insertEvent.run(`e-${pad(i)}`, `t-${pad(i)}`, stage, established, `${established}-01`, at);
    }
    for (let v = 0; v < size.visits; v++) {
      const start = `${2000 + (v % 26)}-${pad((v % 12) + 1, 2)}-${pad((v % 28) + 1, 2)}`;
      insertVisit.run(
        `v-${pad(v)}`,
        v % 2 ? 'incoming' : 'outgoing',
        `loc-${(v % 30) + 1}`,
        COUNTRIES[v % COUNTRIES.length],
        `Leader ${v}`,
        start,
        start,
        3 + (v % 20),
        at,
        at,
      );
    }
  })();
  db.close();
}
