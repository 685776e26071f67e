import { sql, type Kysely } from 'kysely';

/**
 * Frozen: the first schema of the registry. Never edit a migration once it has shipped; add a
 * new one. Types are kept to text and integer so the same statements run on SQLite and
 * PostgreSQL; the only difference (the audit sequence) is chosen below.
 */

function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter.constructor.name === 'PostgresAdapter';
}

export async function up(db: Kysely<any>): Promise<void> {
  const stamped = <T extends { addColumn: (...args: any[]) => T }>(t: T): T =>
    t
      .addColumn('version', 'integer', (c: any) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'text', (c: any) => c.notNull())
      .addColumn('updated_at', 'text', (c: any) => c.notNull())
      .addColumn('deleted_at', 'text');

  await stamped(
    db.schema
      .createTable('localities')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('name_zh', 'text')
      .addColumn('name_en', 'text')
      .addColumn('level', 'text', (c) =>
        c.notNull().check(sql`level in ('province', 'city', 'county')`),
      )
      .addColumn('parent_id', 'text', (c) => c.references('localities.id')),
  ).execute();
  await db.schema
    .createIndex('localities_name_live')
    .on('localities')
    .column('name')
    .unique()
    .where(sql.ref('deleted_at'), 'is', null)
    .execute();

  await stamped(
    db.schema
      .createTable('partners')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('name_zh', 'text')
      .addColumn('name_en', 'text')
      .addColumn('name_local', 'text')
      .addColumn('place_kind', 'text', (c) => c.notNull().defaultTo('city'))
      .addColumn('country', 'text', (c) => c.notNull())
      .addColumn('region', 'text'),
  ).execute();
  await db.schema
    .createIndex('partners_country_name')
    .on('partners')
    .columns(['country', 'name'])
    .execute();

  await stamped(
    db.schema
      .createTable('ties')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('locality_id', 'text', (c) => c.notNull().references('localities.id'))
      .addColumn('partner_id', 'text', (c) => c.notNull().references('partners.id'))
      .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('friendship', 'exchange')`))
      .addColumn('stage', 'text', (c) =>
        c
          .notNull()
          .check(
            sql`stage in ('contact', 'intent', 'pending', 'approved', 'established', 'suspended', 'terminated')`,
          ),
      )
      .addColumn('first_contact_on', 'text')
      .addColumn('intent_signed_on', 'text')
      .addColumn('established_on', 'text')
      .addColumn('signed_place', 'text')
      .addColumn('our_signatory', 'text')
      .addColumn('partner_signatory', 'text')
      .addColumn('fields', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('notes', 'text'),
  ).execute();
  // A tie is its locality and its partner (whose identity includes the country).
  await db.schema
    .createIndex('ties_pair_live')
    .on('ties')
    .columns(['locality_id', 'partner_id'])
    .unique()
    .where(sql.ref('deleted_at'), 'is', null)
    .execute();
  await db.schema.createIndex('ties_partner').on('ties').column('partner_id').execute();
  await db.schema.createIndex('ties_stage').on('ties').column('stage').execute();

  await db.schema
    .createTable('tie_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tie_id', 'text', (c) => c.notNull().references('ties.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull().check(sql`type in ('stage', 'kind')`))
    .addColumn('stage', 'text')
    .addColumn('from_stage', 'text')
    .addColumn('kind', 'text')
    .addColumn('from_kind', 'text')
    .addColumn('occurred_on', 'text')
    .addColumn('occurred_key', 'text')
    .addColumn('note', 'text')
    .addColumn('confidential', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('override_reason', 'text')
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('tie_events_tie_seq', ['tie_id', 'seq'])
    .execute();

  await stamped(
    db.schema
      .createTable('letters')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('tie_id', 'text', (c) => c.notNull().references('ties.id'))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('doc_type', 'text', (c) => c.notNull())
      .addColumn('signed_on', 'text')
      .addColumn('signed_place', 'text')
      .addColumn('our_signatory', 'text')
      .addColumn('partner_signatory', 'text')
      .addColumn('follow_up_on', 'text')
      .addColumn('status', 'text', (c) => c.notNull().defaultTo('active'))
      .addColumn('scan_file', 'text')
      .addColumn('scan_name', 'text')
      .addColumn('notes', 'text'),
  ).execute();
  await db.schema.createIndex('letters_tie').on('letters').column('tie_id').execute();

  await db.schema
    .createTable('approval_templates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('authority_zh', 'text', (c) => c.notNull())
    .addColumn('authority_en', 'text', (c) => c.notNull())
    .addUniqueConstraint('approval_templates_level_position', ['level', 'position'])
    .execute();

  await stamped(
    db.schema
      .createTable('approval_steps')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('tie_id', 'text', (c) => c.notNull().references('ties.id'))
      .addColumn('round', 'integer', (c) => c.notNull())
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('authority_zh', 'text', (c) => c.notNull())
      .addColumn('authority_en', 'text', (c) => c.notNull())
      .addColumn('submitted_on', 'text')
      .addColumn('decided_on', 'text')
      .addColumn('outcome', 'text')
      .addColumn('reference_no', 'text')
      .addColumn('note', 'text'),
  ).execute();
  await db.schema
    .createIndex('approval_steps_tie')
    .on('approval_steps')
    .columns(['tie_id', 'round', 'position'])
    .execute();

  await stamped(
    db.schema
      .createTable('visits')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('direction', 'text', (c) =>
        c.notNull().check(sql`direction in ('outgoing', 'incoming')`),
      )
      .addColumn('locality_id', 'text', (c) => c.references('localities.id'))
      .addColumn('country', 'text')
      .addColumn('leader', 'text')
      .addColumn('leader_title', 'text')
      .addColumn('start_on', 'text')
      .addColumn('end_on', 'text')
      .addColumn('size', 'integer')
      .addColumn('organisation', 'text')
      .addColumn('purpose', 'text')
      .addColumn('fields', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('outcomes', 'text')
      .addColumn('agreements_signed', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('amount', 'text')
      .addColumn('currency', 'text')
      .addColumn('notes', 'text'),
  ).execute();
  await db.schema.createIndex('visits_start').on('visits').column('start_on').execute();

  await db.schema
    .createTable('visit_ties')
    .addColumn('visit_id', 'text', (c) => c.notNull().references('visits.id'))
    .addColumn('tie_id', 'text', (c) => c.notNull().references('ties.id'))
    .addPrimaryKeyConstraint('visit_ties_pk', ['visit_id', 'tie_id'])
    .execute();
  await db.schema.createIndex('visit_ties_tie').on('visit_ties').column('tie_id').execute();

  const audit = db.schema.createTable('audit_log');
  await (
    isPostgres(db)
      ? audit.addColumn('seq', 'bigserial', (c) => c.primaryKey())
      : audit.addColumn('seq', 'integer', (c) => c.primaryKey().autoIncrement())
  )
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('before', 'text')
    .addColumn('after', 'text')
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('command_id', 'text')
    .execute();
  await db.schema
    .createIndex('audit_log_entity')
    .on('audit_log')
    .columns(['entity', 'entity_id'])
    .execute();

  await db.schema
    .createTable('settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(): Promise<void> {
  // The first schema is never taken down: a registry without it is not a registry.
  throw new Error('The initial schema cannot be reverted.');
}
