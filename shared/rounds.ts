/**
 * Where a resubmission of a tie's approval chain starts. A round ends at a return or a
 * rejection; the next round starts at the step that returned it, the approvals given before it
 * carrying over, unless the chain asks for them again (`reapprove`), the staff choose to start
 * from the first authority (`restart`), or the file was rejected (a rejection is a new file).
 * Positions count from 1; the result is the first position the new round asks for.
 */
export interface RoundStep {
  readonly position: number;
  readonly outcome: 'approved' | 'returned' | 'rejected' | null;
}

export function resubmissionStart(
  previous: readonly RoundStep[],
  options: { readonly reapprove: boolean; readonly restart: boolean },
): number {
  if (options.reapprove || options.restart) return 1;
  const returned = previous.find((s) => s.outcome === 'returned');
  if (!returned || previous.some((s) => s.outcome === 'rejected')) return 1;
  // Only an unbroken run of approvals before the return carries over.
  const broken = previous
    .filter((s) => s.position < returned.position && s.outcome !== 'approved')
    .sort((a, b) => a.position - b.position)[0];
  return broken ? broken.position : returned.position;
}
