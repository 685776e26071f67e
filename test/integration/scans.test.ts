import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Registry } from '../../main/registry';
import type { ScanFile } from '../../shared/ipc/letters';
import type { LetterRow, TieRow } from '../../shared/model';
import { call, testRegistry } from '../support/registry';

let registry: Registry;
let letter: LetterRow;
beforeEach(async () => {
  registry = await testRegistry();
  const tie = await call<TieRow>(registry, 'ties:create', {
    local: '南京',
    local_level: 'city',
    partner: 'Perth',
    country: 'AU',
    stage: 'intent',
    intent_signed_on: '2025-03',
  });
  letter = await call<LetterRow>(registry, 'letters:create', {
    tie_id: tie.id,
    title: '意向书',
    signed_on: '2025-03-02',
  });
});
afterEach(async () => {
  await registry.close();
});

const PDF = Buffer.from('%PDF-1.4\n% a tiny test document\n%%EOF\n');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);

describe('scans of letters', () => {
  it('are copied into the registry’s folder and come back for download', async () => {
    const attached = await call<LetterRow>(registry, 'letters:attach', {
      id: letter.id,
      version: 1,
      name: '珀斯意向书.pdf',
      base64: PDF.toString('base64'),
    });
    expect(attached).toMatchObject({ scan_name: '珀斯意向书.pdf', version: 2 });
    const stored = await registry.db
      .selectFrom('letters')
      .select('scan_file')
      .where('id', '=', letter.id)
      .executeTakeFirstOrThrow();
    expect(existsSync(path.join(registry.paths.files, stored.scan_file ?? ''))).toBe(true);
    const scan = await call<ScanFile>(registry, 'letters:scan', { id: letter.id });
    expect(scan).toMatchObject({ name: '珀斯意向书.pdf', mime: 'application/pdf' });
    expect(Buffer.from(scan.base64, 'base64').equals(PDF)).toBe(true);
    const replaced = await call<LetterRow>(registry, 'letters:attach', {
      id: letter.id,
      version: 2,
      name: 'photo',
      base64: PNG.toString('base64'),
    });
    expect(replaced.scan_name).toBe('photo');
    expect((await call<ScanFile>(registry, 'letters:scan', { id: letter.id })).mime).toBe(
      'image/png',
    );
  });

  it('refuse what is not a PDF or an image, an empty file, and a stale version', async () => {
    const text = await registry.door(
      'letters:attach',
      {
        id: letter.id,
        version: 1,
        name: 'notes.pdf',
        base64: Buffer.from('just text').toString('base64'),
      },
      { trusted: true },
    );
    expect(!text.ok && text.error.message).toBe(
      'scan: “notes.pdf” is not a PDF or an image (PNG, JPEG, TIFF).',
    );
    const empty = await registry.door(
      'letters:attach',
      { id: letter.id, version: 1, name: 'x.pdf', base64: '' },
      { trusted: true },
    );
    expect(!empty.ok && empty.error.message).toBe('scan: The file is empty.');
    const stale = await registry.door(
      'letters:attach',
      { id: letter.id, version: 7, name: 'x.pdf', base64: PDF.toString('base64') },
      { trusted: true },
    );
    expect(!stale.ok && stale.error.code).toBe('conflict');
    expect(
      (await call<LetterRow>(registry, 'letters:get', { id: letter.id })).scan_name,
    ).toBeNull();
  });

  it('are detached and brought back by undo; opening needs the desktop app', async () => {
    await call(registry, 'letters:attach', {
      id: letter.id,
      version: 1,
      name: 'a.pdf',
      base64: PDF.toString('base64'),
    });
    await call(registry, 'letters:detach', { id: letter.id, version: 2 });
    expect(
      (await call<LetterRow>(registry, 'letters:get', { id: letter.id })).scan_name,
    ).toBeNull();
    await call(registry, 'undo:undo', { scope: 'letters' });
    expect((await call<LetterRow>(registry, 'letters:get', { id: letter.id })).scan_name).toBe(
      'a.pdf',
    );
    const open = await registry.door('letters:openScan', { id: letter.id }, { trusted: true });
    expect(!open.ok && open.error.code).toBe('unavailable');
  });
});

describe('opening a scan with the system viewer', () => {
  it('hands over a PDF or an image, and refuses a program under a letter’s name', async () => {
    const opened: string[] = [];
    const desk = await testRegistry({
      platform: { kind: 'electron', openPath: async (file) => void opened.push(file) },
    });
    try {
      const tie = await call<TieRow>(desk, 'ties:create', {
        local: '南京',
        local_level: 'city',
        partner: 'Perth',
        country: 'AU',
      });
      const mine = await call<LetterRow>(desk, 'letters:create', { tie_id: tie.id, title: 'x' });
      await call(desk, 'letters:attach', {
        id: mine.id,
        version: 1,
        name: 'a.pdf',
        base64: PDF.toString('base64'),
      });
      expect(await call(desk, 'letters:openScan', { id: mine.id })).toEqual({ opened: true });
      expect(opened).toHaveLength(1);
      const stored = await desk.db
        .selectFrom('letters')
        .select('scan_file')
        .where('id', '=', mine.id)
        .executeTakeFirstOrThrow();
      const file = path.join(desk.paths.files, stored.scan_file ?? '');
      // A folder received from elsewhere: the stored name now holds a Windows program (MZ).
      writeFileSync(file, Buffer.from('MZ\x90\x00 this program cannot be run in DOS mode'));
      const exe = await desk.door('letters:openScan', { id: mine.id }, { trusted: true });
      expect(!exe.ok && exe.error.code).toBe('validation');
      expect(!exe.ok && exe.error.message).toMatch(/“a\.pdf” is not a PDF or an image/);
      // PDF bytes under a shortcut's name would still be launched by its name: refused too.
      const lnk = `${file.slice(0, -4)}.lnk`;
      writeFileSync(lnk, PDF);
      await desk.db
        .updateTable('letters')
        .set({ scan_file: path.relative(desk.paths.files, lnk) })
        .where('id', '=', mine.id)
        .execute();
      const shortcut = await desk.door('letters:openScan', { id: mine.id }, { trusted: true });
      expect(!shortcut.ok && shortcut.error.message).toMatch(/“a\.lnk” is not a PDF/);
      expect(opened).toHaveLength(1);
    } finally {
      await desk.close();
    }
  });
});
