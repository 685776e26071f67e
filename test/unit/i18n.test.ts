import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createI18n, formatMessage, groupDigits, resources } from '../../shared/i18n';
import { tieCellSchemas } from '../../shared/ipc/ties';
import { issueKey } from '../../shared/issues';
import { findKeys, findLiterals } from '../support/literals';

/**
 * Chinese and English throughout: both languages have exactly the same keys with the same
 * placeholders, every key the code names exists, and no user-visible text is written into the
 * renderer's JSX instead of the translation files.
 */
const ROOT = path.resolve(import.meta.dirname, '..', '..');

function flatten(tree: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree as Record<string, unknown>)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}
const en = flatten(resources.en.translation);
const zh = flatten(resources.zh.translation);

function sources(dir: string, ext: RegExp): string[] {
  return readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => ext.test(f))
    .map((f) => path.join(dir, f));
}

/** Missing keys: a key of one language absent from the other. */
export function missingKeys(a: Map<string, string>, b: Map<string, string>): string[] {
  return [...a.keys()].filter((k) => !b.has(k));
}
const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]).sort();

describe('the translations', () => {
  it('have every key in both languages', () => {
    expect(en.size).toBeGreaterThan(500);
    expect(missingKeys(en, zh), 'in English, missing in Chinese').toEqual([]);
    expect(missingKeys(zh, en), 'in Chinese, missing in English').toEqual([]);
  });

  it('fail on a key missing in either language (the check itself)', () => {
    const a = new Map([
      ['menu.file', 'File'],
      ['menu.new', 'New'],
    ]);
    const b = new Map([['menu.file', '文件']]);
    expect(missingKeys(a, b)).toEqual(['menu.new']);
  });

  it('word every string in both, with the same placeholders', () => {
    const bad: string[] = [];
    for (const [key, text] of en) {
      const other = zh.get(key) ?? '';
      if (text.trim() === '' || other.trim() === '') bad.push(`${key}: empty`);
      // Chinese has no plural inflection: its plural forms may leave the count out.
      else if (
        placeholders(text).join() !== placeholders(other).join() &&
        !(
          /_(zero|one|two|few|many|other)$/.test(key) &&
          placeholders(text)
            .filter((p) => p !== 'count')
            .join() === placeholders(other).join()
        )
      )
        bad.push(`${key}: {{${placeholders(text)}}} ≠ {{${placeholders(other)}}}`);
    }
    expect(bad).toEqual([]);
  });

  it('group the thousands of a grid’s row count in both languages', () => {
    const en = createI18n('en');
    const zh = createI18n('zh');
    expect(en.t('ties.count', { count: 50_000 })).toBe('50,000 ties');
    expect(en.t('visitsGrid.count', { count: 1 })).toBe('1 visit');
    expect(zh.t('ties.count', { count: 50_000 })).toBe('共50,000对');
    expect(zh.t('visitsGrid.count', { count: 200_000 })).toBe('共200,000批');
  });

  it('have every key the code asks for by name', () => {
    const files = [
      ...sources('renderer', /\.tsx?$/),
      ...sources('main', /\.ts$/),
      ...sources('shared', /\.ts$/),
    ];
    const plural = (k: string) => en.has(`${k}_one`) || en.has(`${k}_other`);
    const missing = files.flatMap((f) =>
      findKeys(readFileSync(path.join(ROOT, f), 'utf8'), f)
        .filter(({ key }) => key.includes('.') && !en.has(key) && !plural(key))
        .map(({ key, line }) => `${f}:${line} ${key}`),
    );
    expect(missing).toEqual([]);
  });
});

describe('the renderer', () => {
  it('writes no user-visible text outside the translation files', () => {
    const files = sources('renderer', /\.tsx$/);
    expect(files.length).toBeGreaterThan(20);
    const found = files.flatMap((f) =>
      findLiterals(readFileSync(path.join(ROOT, f), 'utf8'), f).map(
        (l) => `${l.file}:${l.line} “${l.text}”`,
      ),
    );
    expect(found).toEqual([]);
  });

  it('formats dates and numbers in the chosen language, never the browser’s', () => {
    // A locale-less toLocaleString() or Intl formatter follows the machine, not the user.
    const unlocalized = /toLocale(?:Date|Time)?String\(\s*\)|new Intl\.\w+\(\s*(?:\)|undefined)/;
    const found = [...sources('renderer', /\.tsx?$/), ...sources('main/reports', /\.ts$/)].flatMap(
      (f) =>
        readFileSync(path.join(ROOT, f), 'utf8')
          .split('\n')
          .flatMap((line, i) => (unlocalized.test(line) ? [`${f}:${i + 1}`] : [])),
    );
    expect(found).toEqual([]);
  });

  it('is caught writing one (the check itself)', () => {
    const bad = `
      export const A = ({ n }: { n: number }) => (
        <section aria-label="Ties">
          <h1>Registry of ties</h1>
          <input placeholder={n > 1 ? 'Search ties' : t('ties.search')} title={\`\${n} rows\`} />
          {n === 0 ? '暂无数据' : null}
          <button title={t('undo.undo')}>✓</button>
          <span className="x" data-testid="not-read">{n}</span>
          <span aria-hidden="true">友</span>
        </section>
      );`;
    expect(findLiterals(bad).map((l) => l.text)).toEqual([
      'Ties',
      'Registry of ties',
      'Search ties',
      'rows',
      '暂无数据',
    ]);
    expect(findKeys(bad).map((k) => k.key)).toEqual(['ties.search', 'undo.undo']);
  });
});

describe('refusals in the user’s words', () => {
  it('name allowed values, fields and countries by their labels, never their codes', () => {
    const parsed = tieCellSchemas.stage!.safeParse('establish');
    const issue = parsed.success ? null : parsed.error.issues[0]!;
    const { key, params } = issueKey(issue!);
    expect(formatMessage(key, params, 'en')).toBe(
      '“establish” is not one of: Contact, Letter of intent, Pending approval, Approved, Established, Suspended, Terminated.',
    );
    expect(formatMessage(key, params, 'zh')).toBe(
      '“establish”不在可选值之内：接触、意向、报批、已批准、已结好、暂停、终止。',
    );
    expect(formatMessage('errors.validation.required', { field: 'title' }, 'en')).not.toContain(
      'title',
    );
    expect(
      formatMessage(
        'errors.tie.duplicate',
        { local: '南京市', partner: '名古屋', country: 'Japan', countryCode: 'JP' },
        'zh',
      ),
    ).toBe('南京市与名古屋（日本）的友城关系已存在。');
  });
});

describe('numbers in the strings', () => {
  it('groups whole numbers as Intl does in both languages', () => {
    const samples = [
      0,
      7,
      999,
      1000,
      1234,
      50_000,
      106_000,
      1_234_567,
      -4321,
      Number.MAX_SAFE_INTEGER,
    ];
    for (const n of samples) {
      expect(groupDigits(n)).toBe(new Intl.NumberFormat('en').format(n));
      expect(groupDigits(n)).toBe(new Intl.NumberFormat('zh-CN').format(n));
    }
  });

  it('words counts through {{count, number}} without building an Intl formatter', () => {
    const en = createI18n('en');
    const built = vi.spyOn(Intl, 'NumberFormat');
    try {
      expect(en.t('tiesGrid.count', { count: 50_000 })).toBe('50,000 ties');
      expect(built).not.toHaveBeenCalled();
    } finally {
      built.mockRestore();
    }
  });

  it('words a fraction through Intl', () => {
    expect(createI18n('en').t('tiesGrid.count', { count: 50_000 })).toBe('50,000 ties');
    expect(createI18n('en').t('tiesGrid.count', { count: 1 })).toBe('1 tie');
    expect(createI18n('zh').t('shown.of', { shown: 3, total: 1060 })).toBe('显示3条，共1,060条');
    expect(createI18n('en').t('shown.of', { shown: 2.5, total: 12_345 })).toBe('2.5 of 12,345');
  });
});
