import { withoutMarks } from './text';
import { pinyin } from 'pinyin-pro';

/**
 * The keys a locality's or partner's name sorts and is searched by, kept on write: Chinese
 * as toneless pinyin (合肥市 → `hefeishi`, initials `hfs`), so grids sort 安庆市, 合肥市,
 * 芜湖市 as WPS does; other scripts folded to plain lower-case Latin (Ōsaka → `osaka`), so one
 * ORDER BY sorts both and gives the same order on SQLite and PostgreSQL (ASCII letters and
 * digits only, which every collation orders alike).
 */
/** Below the first CJK block: text pinyin-pro leaves as it is (as one run, `consecutive`). */
const NO_HAN = /^[^\u2e80-\uffff]*$/;

export function placeKeys(name: string): { pinyin: string; initials: string } {
  const text = name.normalize('NFC');
  // Most partners are Latin names: they skip the dictionary look-up (an import of 50,000 new
  // partners spent a second in it), with the very keys it would give.
  const parts = NO_HAN.test(text)
    ? [text]
    : pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true });
  const words: string[] = [];
  for (const part of parts) {
    for (const word of withoutMarks(part)
      .toLowerCase()
      .split(/[^a-z0-9]+/)) {
      if (word !== '') words.push(word);
    }
  }
  return { pinyin: words.join(''), initials: words.map((w) => w[0]).join('') };
}

/**
 * Two names in the order grids sort them: by their keys (pinyin for Chinese), then as typed.
 * For the short lists main sorts itself (follow-ups, anniversaries); grids sort in SQL.
 */
export function comparePlaceNames(a: string, b: string): number {
  const [ka, kb] = [placeKeys(a).pinyin, placeKeys(b).pinyin];
  if (ka !== kb) return ka < kb ? -1 : 1;
  return a === b ? 0 : a < b ? -1 : 1;
}
