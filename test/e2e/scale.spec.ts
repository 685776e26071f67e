import { test as base, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { bundleEntry } from '../support/bundle';
import { screenshot, startHost, type Host } from './fixtures';

/**
 * The paged grids at office scale and far beyond it: 50,000 ties and 200,000 visits. Sort,
 * search and filters run in main's SQL, so what the page shows must be what the whole registry
 * holds, not what happens to be loaded.
 */
const test = base.extend<{ big: Host }>({
  // Playwright reads a fixture's dependencies from its first parameter; this one has none.
  // eslint-disable-next-line no-empty-pattern
  big: async ({}, use) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'youcheng-e2e-big-'));
    // Written by a child process: Playwright's loader cannot load the app's modules.
    const script = await bundleEntry('test/support/big-registry-cli.ts', 'big-registry');
    execFileSync(process.execPath, [script, path.join(dir, 'registry.db'), '50000', '200000']);
    const { host, stop } = await startHost(dir);
    await host.call('settings:update', { patch: { officeName: '测试外办', language: 'en' } });
    await use(host);
    await stop();
    rmSync(dir, { recursive: true, force: true });
  },
});

test.describe('paged grids at scale', () => {
  test.setTimeout(180_000);

  test('50,000 ties and 200,000 visits: counts, search, sort and scrolling to the end come from the whole registry', async ({
    big,
    page,
  }) => {
    await page.addInitScript(() => localStorage.setItem('youcheng.lang', 'en'));
    await page.goto(big.url);
    const count = page.getByTestId('row-count');
    await expect(count).toHaveText('50,000 ties', { timeout: 30_000 });
    const partners = page.locator('.ag-row:not(.blank-row) .ag-cell[col-id="partner"]');
    await expect(partners.first()).toHaveText(/^Partner \d{7}$/);
    await screenshot(page, 'scale-ties-en');

    // Quick search across the registry, not across the loaded block.
    const search = page.getByRole('searchbox');
    await search.fill('Partner 0049321');
    await expect(count).toHaveText('1 of 50,000');
    await expect(partners).toHaveText(['Partner 0049321']);
    await search.fill('');
    await expect(count).toHaveText('50,000 ties');

    // Sorted descending by partner: the last partner of all 50,000 comes first.
    const header = page.locator('.ag-header-cell[col-id="partner"] .ag-header-cell-label');
    await header.click();
    await header.click();
    await expect(partners.first()).toHaveText('Partner 0049999');

    // The end of the grid is the end of the registry.
    await page.locator('.ag-body-vertical-scroll-viewport').evaluate((el) => {
      el.scrollTop = el.scrollHeight;
    });
    await expect(partners.filter({ hasText: 'Partner 0000000' })).toHaveCount(1, {
      timeout: 30_000,
    });

    await page.getByRole('button', { name: 'Visits', exact: true }).click();
    await expect(count).toHaveText('200,000 visits', { timeout: 30_000 });
    await expect(page.locator('.ag-row .ag-cell[col-id="leader"]').first()).toHaveText(
      /^Leader \d+$/,
    );
    await screenshot(page, 'scale-visits-en');
  });
});
