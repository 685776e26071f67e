import { describe, expect, it } from 'vitest';
import { STAGES, type Stage } from '../../shared/enums';
import {
  checkAdvance,
  isTransition,
  nextSteps,
  requirementsOf,
  STAGE_ORDER,
  type StageFacts,
} from '../../shared/stages';

const ALL = Object.keys(STAGES) as Stage[];
const FULL: StageFacts = {
  hasDatedLetter: true,
  firstStepSubmitted: true,
  allStepsApproved: true,
  signedOn: '2020-01-01',
  ourSignatory: 'A',
  partnerSignatory: 'B',
  date: '2020-01-01',
  reason: 'why',
};

/** The domain contract's arrows, written out independently of the implementation's table. */
const EXPECTED = new Set([
  'contact>intent',
  'intent>pending',
  'pending>approved',
  'pending>intent',
  'approved>established',
  'established>suspended',
  'suspended>established',
  ...ALL.filter((s) => s !== 'terminated').map((s) => `${s}>terminated`),
]);

describe('stage machine', () => {
  it('lists every stage in order', () => {
    expect(STAGE_ORDER).toEqual(ALL);
  });

  for (const from of ALL) {
    for (const to of ALL) {
      const allowed = EXPECTED.has(`${from}>${to}`);
      it(`${from} → ${to} is ${allowed ? 'allowed' : 'refused'}`, () => {
        expect(isTransition(from, to)).toBe(allowed);
        const withAll = checkAdvance(from, to, FULL);
        expect(withAll.ok).toBe(allowed);
        if (!allowed) {
          expect(withAll).toEqual({ ok: false, kind: 'transition', from, to });
          return;
        }
        const none = checkAdvance(from, to, {});
        const needs = requirementsOf(from, to);
        expect(needs.length).toBeGreaterThan(0);
        expect(none).toEqual({ ok: false, kind: 'missing', from, to, missing: [...needs] });
        // Each requirement alone is not enough when there are others; all together are.
        for (const r of needs) {
          expect(checkAdvance(from, to, { ...FULL, ...blank(r) })).toEqual({
            ok: false,
            kind: 'missing',
            from,
            to,
            missing: [r],
          });
        }
      });
    }
  }

  it('names what is missing for each next step', () => {
    expect(nextSteps('approved', { signedOn: '2020-05', ourSignatory: 'Mayor' })).toEqual([
      { to: 'established', missing: ['signatories'] },
      { to: 'terminated', missing: ['date', 'reason'] },
    ]);
    expect(nextSteps('terminated', FULL)).toEqual([]);
  });
});

function blank(r: string): StageFacts {
  switch (r) {
    case 'letter':
      return { hasDatedLetter: false };
    case 'firstStepSubmitted':
      return { firstStepSubmitted: false };
    case 'allStepsApproved':
      return { allStepsApproved: false };
    case 'signedOn':
      return { signedOn: null };
    case 'signatories':
      return { partnerSignatory: ' ' };
    case 'date':
      return { date: '' };
    default:
      return { reason: null };
  }
}
