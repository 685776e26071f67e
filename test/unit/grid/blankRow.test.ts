import { describe, expect, it } from 'vitest';
import { draftOutcome } from '../../../renderer/grid/logic/blankRow';

const required = (column: string) => ({
  path: [0, column],
  key: 'errors.validation.required',
  params: { field: column },
});

describe('the blank row’s values, as main answers them', () => {
  it('waits for the columns not typed yet, naming each once', () => {
    expect(
      draftOutcome([required('partner'), required('country'), required('partner')], ['local']),
    ).toEqual({ kind: 'incomplete', missing: ['partner', 'country'] });
  });

  it('says a typed value is refused, leaving out the columns still to come', () => {
    const bad = { path: [0, 'country'], key: 'errors.country.unknown', params: { value: 'X' } };
    expect(draftOutcome([required('partner'), bad], ['local', 'country'])).toEqual({
      kind: 'refused',
      refused: [bad],
    });
  });

  it('treats a refusal without cells (a duplicate tie) as a refusal', () => {
    expect(draftOutcome([], ['local'])).toEqual({ kind: 'refused', refused: [] });
  });
});
