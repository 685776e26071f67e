import { describe, expect, it } from 'vitest';
import {
  anniversaryIn,
  isRoundAnniversary,
  signingWarnings,
  unanswered,
  type WarningFacts,
} from '../../shared/workflow';

const base: WarningFacts = {
  kind: 'friendship',
  ourLevel: 'city',
  partnerPlaceKind: 'city',
  otherFriendshipLocalities: [],
  signedOn: '2020-05-01',
  earliestLetterOn: '2019-01',
};

describe('signing rule checks', () => {
  it('has nothing to say about a plain city-to-city signing after its letter', () => {
    expect(signingWarnings(base)).toEqual([]);
  });

  it('warns of the one-to-one rule for friendship ties only', () => {
    expect(signingWarnings({ ...base, otherFriendshipLocalities: ['Suzhou'] })).toEqual([
      { code: 'oneToOne', params: { others: ['Suzhou'] } },
    ]);
    expect(
      signingWarnings({ ...base, kind: 'exchange', otherFriendshipLocalities: ['Suzhou'] }),
    ).toEqual([]);
  });

  it.each([
    ['province', 'city', true],
    ['province', 'state', false],
    ['city', 'state', true],
    ['city', 'city', false],
    ['county', 'county', false],
    ['county', 'state', true],
  ] as const)('our %s with their %s differs: %s', (ours, theirs, differs) => {
    const codes = signingWarnings({ ...base, ourLevel: ours, partnerPlaceKind: theirs }).map(
      (w) => w.code,
    );
    expect(codes.includes('levels')).toBe(differs);
  });

  it('warns of a signing before the letter of intent, partial dates by first day', () => {
    expect(
      signingWarnings({ ...base, signedOn: '2018', earliestLetterOn: '2019-01' })[0]?.code,
    ).toBe('signingBeforeLetter');
    expect(signingWarnings({ ...base, signedOn: '2019', earliestLetterOn: '2019-01' })).toEqual([]);
    expect(signingWarnings({ ...base, signedOn: null })).toEqual([]);
  });

  it('counts a warning answered only by a non-blank reason', () => {
    const warnings = signingWarnings({
      ...base,
      ourLevel: 'province',
      otherFriendshipLocalities: ['Suzhou'],
    });
    expect(
      unanswered(warnings, { oneToOne: 'Approved by the CPAFFC in 2019', levels: '  ' }).map(
        (w) => w.code,
      ),
    ).toEqual(['levels']);
  });
});

describe('anniversaries', () => {
  it('marks every five years up to thirty, then every ten', () => {
    expect([5, 10, 15, 20, 25, 30, 40, 50, 60].every(isRoundAnniversary)).toBe(true);
    expect([0, 1, 4, 35, 45, 55, -5].some(isRoundAnniversary)).toBe(false);
    expect(anniversaryIn('1979-11-02', 2029)).toBe(50);
    expect(anniversaryIn('1978', 2027)).toBeNull();
    expect(anniversaryIn('2016-09', 2026)).toBe(10);
  });
});
