import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Registry } from '../../main/registry';
import { formatMessage } from '../../shared/i18n';
import type { ImportSummary } from '../../shared/ipc/interchange';
import type { TieWritten } from '../../shared/ipc/ties';
import type { FollowUps } from '../../shared/ipc/workflow';
import type { AnnualFigures } from '../../shared/report/figures';
import { call, ctx, testRegistry } from '../support/registry';
import { scratch } from '../support/spreadsheets';

// A ledger typed out of order: the first contact written later than the letter of intent.
const crossed = {
  local: 'Nanjing',
  local_level: 'city',
  partner: 'Leipzig',
  country: 'DE',
  kind: 'friendship',
  stage: 'approved',
  first_contact_on: '2015-03-10',
  intent_signed_on: '2014-11-02',
};

let registry: Registry;
beforeEach(async () => {
  registry = await testRegistry();
});
afterEach(async () => {
  await registry.close();
});

describe('dates out of their order', () => {
  it('accepts a tie created with them, with a warning naming both dates in both languages', async () => {
    const tie = await call<TieWritten>(registry, 'ties:create', crossed);
    expect(tie.stage).toBe('approved');
    expect(tie.warnings).toEqual([
      {
        code: 'datesOutOfOrder',
        params: {
          earlier: 'contact',
          earlierOn: '2015-03-10',
          later: 'intent',
          laterOn: '2014-11-02',
        },
      },
    ]);
    const [w] = tie.warnings;
    const en = formatMessage(`warnings.${w!.code}`, w!.params, 'en');
    expect(en).toContain('“Letter of intent” is dated 2014-11-02');
    expect(en).toContain('2014-11-02');
    expect(en).toContain('2015-03-10');
    const zh = formatMessage(`warnings.${w!.code}`, w!.params, 'zh');
    expect(zh).toContain('意向');
    expect(zh).toContain('2014-11-02');

    // The figures follow the events' order: as of 2016 the tie is approved, not at contact.
    const figures = await call<AnnualFigures>(registry, 'reports:annual', { asOf: '2016-01-01' });
    expect(figures.pipeline).toMatchObject({ contact: 0, intent: 0, approved: 1 });
  });

  it('says so on an edit that crosses the dates, and says nothing once they are corrected', async () => {
    const tie = await call<TieWritten>(registry, 'ties:create', {
      ...crossed,
      first_contact_on: '2014-03-10',
    });
    expect(tie.warnings).toEqual([]);
    const crossedEdit = await call<TieWritten>(registry, 'ties:update', {
      id: tie.id,
      version: tie.version,
      patch: { first_contact_on: '2015' },
    });
    expect(crossedEdit.first_contact_on).toBe('2015');
    expect(crossedEdit.warnings.map((w) => [w.params.earlierOn, w.params.laterOn])).toEqual([
      ['2015', '2014-11-02'],
    ]);
    const notes = await call<TieWritten>(registry, 'ties:update', {
      id: tie.id,
      version: crossedEdit.version,
      patch: { notes: 'a note' },
    });
    expect(notes.warnings).toEqual([]);
    const fixed = await call<TieWritten>(registry, 'ties:update', {
      id: tie.id,
      version: notes.version,
      patch: { first_contact_on: '2014' },
    });
    expect(fixed.warnings).toEqual([]);
  });

  it('lists such ties under "dates out of order" in the follow-ups', async () => {
    await call(registry, 'ties:create', crossed);
    await call(registry, 'ties:create', {
      ...crossed,
      partner: 'Florence',
      country: 'IT',
      first_contact_on: '2013',
    });
    const followUps = await call<FollowUps>(registry, 'followups:list', {});
    expect(followUps.outOfOrder.map((i) => i.partner)).toEqual(['Leipzig']);
    expect(followUps.outOfOrder[0]?.warnings?.[0]?.params).toMatchObject({
      earlierOn: '2015-03-10',
      laterOn: '2014-11-02',
    });
    expect(followUps.total).toBeGreaterThanOrEqual(1);
  });

  it('warns in the dry run and in the summary of an import, with the row, and imports anyway', async () => {
    const file = scratch()(
      'ledger.csv',
      [
        'local,local_level,partner,country,kind,stage,first_contact_on,intent_signed_on,established_on',
        'Nanjing,city,Leipzig,DE,friendship,approved,2015-03-10,2014-11-02,',
        'Nanjing,city,Florence,IT,friendship,established,2010,2011,2012',
        'Nanjing,city,Perth,AU,friendship,established,1998,1999,1997-05',
      ].join('\n'),
    );
    const run = (dryRun: boolean) =>
      registry.services.interchange.importFile(file, { dryRun }, ctx) as Promise<ImportSummary>;
    const dry = await run(true);
    expect(dry.created).toBe(3);
    const said = (s: ImportSummary) =>
      s.warnings.map((w) => [w.line, w.params.earlier, w.params.later, w.params.laterOn]);
    expect(said(dry)).toEqual([
      [2, 'contact', 'intent', '2014-11-02'],
      [4, 'intent', 'established', '1997-05'],
    ]);
    const real = await run(false);
    expect(said(real)).toEqual(said(dry));
    const figures = await call<AnnualFigures>(registry, 'reports:annual', { asOf: '2016-06-30' });
    // Perth counts as established from 1997-05 although its letter is dated 1999.
    expect(figures.established.total).toBe(2);
    expect(figures.pipeline.approved).toBe(1);
  });
});
