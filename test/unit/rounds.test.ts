import { describe, expect, it } from 'vitest';
import { resubmissionStart, type RoundStep } from '../../shared/rounds';

const steps = (...outcomes: RoundStep['outcome'][]): RoundStep[] =>
  outcomes.map((outcome, i) => ({ position: i + 1, outcome }));
const plain = { reapprove: false, restart: false };

describe('where a resubmission starts', () => {
  it.each([
    ['returned by the second', steps('approved', 'returned', null), 2],
    ['returned by the first', steps('returned', null, null), 1],
    ['returned by the last', steps('approved', 'approved', 'returned'), 3],
    ['rejected: a new file', steps('approved', 'rejected', null), 1],
    ['no round before', [], 1],
    ['an approval missing before the return', steps(null, 'approved', 'returned'), 1],
  ])('%s', (_name, previous, start) => {
    expect(resubmissionStart(previous, plain)).toBe(start);
  });

  it('starts at the first when the chain or the staff ask for every approval again', () => {
    const previous = steps('approved', 'returned', null);
    expect(resubmissionStart(previous, { reapprove: true, restart: false })).toBe(1);
    expect(resubmissionStart(previous, { reapprove: false, restart: true })).toBe(1);
  });
});
