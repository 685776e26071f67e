import type { Page } from '@playwright/test';

/** A Pinyin input method as Chromium hears it: a composition, then the chosen characters. */
export async function typeWithIme(page: Page, pinyin: string, chosen: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.imeSetComposition', {
    text: pinyin,
    selectionStart: pinyin.length,
    selectionEnd: pinyin.length,
  });
  await cdp.send('Input.insertText', { text: chosen });
  await cdp.detach();
}
