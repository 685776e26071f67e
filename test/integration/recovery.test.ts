import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWithRecovery } from '../../main/electron/recovery';
import { pathsBeside } from '../../main/core/platform';
import type { Registry } from '../../main/registry';
import { damage, populate } from '../support/populate';
import { steppingClock, testRegistry } from '../support/registry';

/** The app's answer to a damaged registry, with a fake of Electron's dialog. */
function fakeDialog(answer: number) {
  const shown: { boxes: { message: string; buttons: string[] }[]; errors: string[] } = {
    boxes: [],
    errors: [],
  };
  return {
    shown,
    dialog: {
      showMessageBox: async (options: { message: string; buttons: string[] }) => {
        shown.boxes.push(options);
        return { response: answer, checkboxChecked: false };
      },
      showErrorBox: (title: string, content: string) => shown.errors.push(`${title}: ${content}`),
    },
  };
}

async function damagedWithBackup(withBackup = true) {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'yc-recovery-')), 'registry.db');
  const r = await testRegistry({ file });
  await populate(r, 40);
  await r.close();
  if (withBackup)
    await (await testRegistry({ file, clock: steppingClock('2026-01-17T09:00:00Z') })).close();
  damage(file);
  return file;
}

const options = (
  file: string,
  dialog: ReturnType<typeof fakeDialog>['dialog'],
  lang: 'zh' | 'en',
) => ({
  file,
  backupsDir: pathsBeside(file).backups,
  lang,
  clock: steppingClock('2026-01-18T09:00:00Z'),
  dialog: dialog as never,
  open: () => testRegistry({ file }),
});

describe('opening a damaged registry in the app', () => {
  it('offers the newest good backup and, if chosen, restores it and opens', async () => {
    const file = await damagedWithBackup();
    const { dialog, shown } = fakeDialog(0);
    const registry = (await openWithRecovery(options(file, dialog, 'zh'))) as Registry;
    expect(registry).not.toBeNull();
    expect(shown.boxes[0]?.message).toContain('未通过完整性检查');
    expect(shown.boxes[0]?.buttons[0]).toMatch(/^恢复 .+ 的备份$/);
    expect(registry.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(registry.sqlite.prepare('select count(*) from ties').pluck().get()).toBe(40);
    await registry.close();
    expect(readdirSync(path.dirname(file)).some((f) => f.includes('.damaged-'))).toBe(true);
  });

  it('quits, changing nothing, when the user declines', async () => {
    const file = await damagedWithBackup();
    const { dialog, shown } = fakeDialog(1);
    expect(await openWithRecovery(options(file, dialog, 'en'))).toBeNull();
    expect(shown.boxes[0]?.buttons).toEqual([
      expect.stringMatching(/^Restore the backup of /),
      'Quit',
    ]);
    expect(readdirSync(path.dirname(file)).some((f) => f.includes('.damaged-'))).toBe(false);
  });

  it('says there is no good backup when there is none', async () => {
    const file = await damagedWithBackup(false);
    const { dialog, shown } = fakeDialog(0);
    expect(await openWithRecovery(options(file, dialog, 'en'))).toBeNull();
    expect(shown.boxes).toEqual([]);
    expect(shown.errors[0]).toMatch(/The registry is damaged: .*failed its integrity check/s);
    expect(shown.errors[0]).toMatch(/There is no good backup of it/);
    expect(existsSync(file)).toBe(true);
  });
});
