import { describe, expect, it } from 'vitest';
import {
  allState,
  checklistOptions,
  countLocally,
  countMap,
  isTicked,
  matchingOptions,
  setFilterPasses,
  toggled,
} from '../../../renderer/grid/logic/checklist';
import { withoutColumn } from '../../../shared/grid-query';

const collator = new Intl.Collator('en');
const names: Record<string, string> = { JP: 'Japan', IT: 'Italy', DE: 'Germany' };

describe('the lines of a checklist filter', () => {
  it('lists a vocabulary in its own order, all of it, with counts and a blank line when blanks exist', () => {
    const lines = checklistOptions({
      known: ['contact', 'intent', 'established'],
      counts: new Map([
        ['established', 2],
        ['contact', 3],
        ['', 1],
      ]),
      ticked: null,
      label: (v) => v.toUpperCase(),
      blank: '(Blank)',
      collator,
    });
    expect(lines).toEqual([
      { value: 'contact', label: 'CONTACT', count: 3 },
      { value: 'intent', label: 'INTENT', count: 0 },
      { value: 'established', label: 'ESTABLISHED', count: 2 },
      { value: '', label: '(Blank)', count: 1 },
    ]);
  });

  it('lists an open list (countries) by label: the values held, and any still ticked', () => {
    const lines = checklistOptions({
      known: null,
      counts: new Map([
        ['JP', 2],
        ['IT', 1],
        ['FR', 0],
      ]),
      ticked: ['DE'],
      label: (v) => names[v] ?? v,
      blank: '(Blank)',
      collator,
    });
    expect(lines.map((l) => [l.label, l.count])).toEqual([
      ['Germany', 0],
      ['Italy', 1],
      ['Japan', 2],
    ]);
  });

  it('narrows by label or code, without case or width', () => {
    const lines = [
      { value: 'JP', label: '日本', count: 1 },
      { value: 'IT', label: '意大利', count: 1 },
    ];
    expect(matchingOptions(lines, '意').map((l) => l.value)).toEqual(['IT']);
    expect(matchingOptions(lines, 'ｊｐ').map((l) => l.value)).toEqual(['JP']);
    expect(matchingOptions(lines, '  ')).toHaveLength(2);
  });
});

describe('ticking a checklist', () => {
  const all = ['contact', 'intent', 'established'];
  it('is no filter while every line is ticked, and becomes null again when all are', () => {
    expect(isTicked(null, 'intent')).toBe(true);
    const one = toggled(null, all, ['intent'], false);
    expect(one).toEqual({ filterType: 'set', values: ['contact', 'established'] });
    expect(toggled(one, all, ['intent'], true)).toBeNull();
  });

  it('selects all or none of the lines in sight only', () => {
    const none = toggled(null, all, all, false);
    expect(none).toEqual({ filterType: 'set', values: [] });
    const some = toggled(none, all, ['contact'], true);
    expect(some).toEqual({ filterType: 'set', values: ['contact'] });
    const shown = [
      { value: 'contact', label: 'c', count: 1 },
      { value: 'intent', label: 'i', count: 1 },
    ];
    expect(allState(some, shown)).toBe('some');
    expect(allState(none, shown)).toBe('none');
    expect(allState(null, shown)).toBe('all');
  });

  it('passes a row whose stored code is ticked, a blank one where the blank line is', () => {
    expect(setFilterPasses({ filterType: 'set', values: ['JP'] }, 'JP')).toBe(true);
    expect(setFilterPasses({ filterType: 'set', values: ['JP'] }, 'IT')).toBe(false);
    expect(setFilterPasses({ filterType: 'set', values: [''] }, null)).toBe(true);
    expect(setFilterPasses({ filterType: 'set', values: [] }, '')).toBe(false);
  });
});

describe('counting values', () => {
  it('counts a client-side grid’s rows and reads main’s counts alike', () => {
    expect([...countLocally(['JP', 'JP', null, 'IT', undefined])]).toEqual([
      ['JP', 2],
      ['', 2],
      ['IT', 1],
    ]);
    expect(countMap({ values: [{ value: 'JP', count: 4 }] }).get('JP')).toBe(4);
  });

  it('counts under every filter but the column’s own', () => {
    expect(withoutColumn({ stage: 1, country: 2 }, 'stage')).toEqual({ country: 2 });
  });
});
