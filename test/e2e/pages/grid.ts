import type { Page } from '@playwright/test';

/**
 * Scrolls the grid sideways until a column is on screen, as a user drags the grid's scroll bar
 * to a column beyond the first screen: AG Grid draws only the columns in view (and a few
 * either side), so a cell of a far column is not on the page until the grid is scrolled to it.
 * Throws if no scroll position shows the column.
 */
export async function showColumn(page: Page, column: string): Promise<void> {
  const shown = await page.evaluate(async (col) => {
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(null)));
    // The grid's own scrolling element (AG Grid 36): the header and the rows scroll in it.
    const bar = document.querySelector<HTMLElement>('.ag-grid-viewport');
    if (!bar) return false;
    const scrollTo = async (left: number) => {
      bar.scrollLeft = left;
      // The grid hears the scroll a frame later and draws the columns now in view.
      await frame();
      await frame();
    };
    /** The part of the grid the centre columns show in: right of the pinned ones. */
    const port = () => {
      const all = bar.getBoundingClientRect();
      const pinned = document.querySelector('.ag-header .ag-grid-pinned-left-cells');
      const left = pinned ? pinned.getBoundingClientRect().right : all.left;
      return { left, right: all.left + bar.clientWidth };
    };
    let swept = false;
    for (let step = 0; step < 60; step += 1) {
      const header = document.querySelector(`.ag-header-cell[col-id="${col}"]`);
      if (header) {
        // A pinned column is always in view; a centre one needs its whole width inside.
        if (header.closest('.ag-grid-pinned-left-cells, .ag-grid-pinned-right-cells')) return true;
        const cell = header.getBoundingClientRect();
        const { left, right } = port();
        if (cell.left >= left - 1 && cell.right <= right + 1) return true;
        // A column wider than the view shows its left edge.
        const wide = cell.width > right - left;
        const by = cell.left < left || wide ? cell.left - left : cell.right - right;
        if (wide && Math.abs(by) <= 1) return true;
        const before = bar.scrollLeft;
        await scrollTo(before + by);
        if (bar.scrollLeft === before) return true; // as far as the grid goes
        continue;
      }
      // Not drawn: sweep from the left edge to the right, most of a screen at a time.
      if (!swept) {
        swept = true;
        await scrollTo(0);
        continue;
      }
      const before = bar.scrollLeft;
      await scrollTo(before + Math.max(100, bar.clientWidth * 0.8));
      if (bar.scrollLeft === before) return false;
    }
    return false;
  }, column);
  if (!shown) throw new Error(`the grid has no column "${column}" to scroll to`);
}
