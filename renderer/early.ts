import { callEarly } from './api/client';
import { keptKey, keptPlain } from './grid/logic/persisted';
import { PAGE_ROWS, pageQuery } from './grid/logic/view';
import { initialScreen } from './navigation';

/**
 * What the window's first screen will ask main for, asked as the page starts, while the
 * scripts, the languages and the session check run, instead of each answer waiting for the
 * one before it: who is signed in, the settings and the registry the app shows, and for the
 * Ties grid its reference data and (unsorted and unfiltered, as most open it) its first page.
 * Each answer is taken by the first call of its channel only if it asks the same.
 */
export function askEarly(): void {
  void callEarly('auth:whoami', {});
  void callEarly('settings:get', {});
  void callEarly('registries:current', {});
  if (initialScreen() !== 'ties') return;
  void callEarly('countries:list', {});
  void callEarly('localities:list', {});
  if (!keptPlain(localStorage.getItem(keptKey('ties')))) return;
  // The changes' cursor first, so the rows then read hold every change before it, as the
  // grid's live refresh counts on (useChanges).
  const cursor = callEarly('changes:since', { since: null });
  void callEarly(
    'ties:list',
    pageQuery({ sort: [], filter: {}, quick: '', deleted: false }, 0, PAGE_ROWS) as never,
    cursor,
  );
}
