import OpenCC from 'opencc-js/t2cn';
import type { HanFold } from '../../shared/place-duplicates';

/**
 * Names in Chinese characters folded to one form for the suggested duplicates: traditional
 * (長崎, 廣島) and Japanese shinjitai (横浜, 沖縄, 県) to simplified (长崎, 广岛, 横滨, 冲绳, 县),
 * through OpenCC's dictionaries. Main only, and only its traditional/Japanese-to-simplified
 * preset (about 110 KB): the full package's dictionaries stay out of every bundle, and the lint
 * layers keep opencc-js out of shared/ and the renderer.
 *
 * A partner of Japan is read as Japanese (jp→cn, which also folds traditional forms); any other
 * as traditional Chinese (t→cn). Japanese reading folds a few characters that are distinct in
 * Chinese (芸 as 藝, 予 as 豫, 欠 as 缺): right for a Japanese name, too eager for a Korean or
 * Chinese one. Both sides of a comparison are folded alike, so a name is still equal to itself.
 */

type Convert = (text: string) => string;

/** Built on first use (about 10 ms), then kept: the dictionaries are the same for every call. */
let converters: { readonly jp: Convert; readonly t: Convert } | null = null;

function convertersOnce() {
  converters ??= {
    jp: OpenCC.Converter({ from: 'jp', to: 'cn' }),
    t: OpenCC.Converter({ from: 't', to: 'cn' }),
  };
  return converters;
}

/**
 * A fold that keeps what it folded: the Places screen asks for its suggestions on every visit,
 * and the registry's names change little between two visits. One per reference service; the
 * kept names are dropped when they pass the bound, so it never grows with the years.
 */
export function hanVariantFold(bound = 50_000): HanFold {
  const folded = new Map<string, string>();
  return (name, country) => {
    const reading = country === 'JP' ? 'jp' : 't';
    const key = `${reading}:${name}`;
    const known = folded.get(key);
    if (known !== undefined) return known;
    const out = convertersOnce()[reading](name);
    if (folded.size >= bound) folded.clear();
    folded.set(key, out);
    return out;
  };
}
