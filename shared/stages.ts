import type { Stage } from './enums';

/**
 * The stage machine of the domain contract:
 * contact → intent → pending → approved → established ⇄ suspended; any stage → terminated.
 * A returned or rejected approval step sends a pending tie back to intent.
 * Historical records (imports, ties entered as already established) bypass it by design;
 * every later change goes through `checkAdvance`.
 */
export const STAGE_ORDER: readonly Stage[] = [
  'contact',
  'intent',
  'pending',
  'approved',
  'established',
  'suspended',
  'terminated',
];

export type Requirement =
  | 'letter' // a letter of intent with its signed date
  | 'firstStepSubmitted' // the first approval step has a submitted date
  | 'allStepsApproved' // every step of the current chain approved
  | 'signedOn' // the signing date
  | 'signatories' // both sides' signatories
  | 'date' // the date of the change
  | 'reason'; // why (suspend, resume, terminate, return)

const TRANSITIONS: Readonly<Record<Stage, Partial<Record<Stage, readonly Requirement[]>>>> = {
  contact: { intent: ['letter'], terminated: ['date', 'reason'] },
  intent: { pending: ['firstStepSubmitted'], terminated: ['date', 'reason'] },
  pending: {
    approved: ['allStepsApproved'],
    intent: ['date', 'reason'],
    terminated: ['date', 'reason'],
  },
  approved: { established: ['signedOn', 'signatories'], terminated: ['date', 'reason'] },
  established: { suspended: ['date', 'reason'], terminated: ['date', 'reason'] },
  suspended: { established: ['date', 'reason'], terminated: ['date', 'reason'] },
  terminated: {},
};

/** What the facts of a tie provide towards a transition's requirements. */
export interface StageFacts {
  readonly hasDatedLetter?: boolean;
  readonly firstStepSubmitted?: boolean;
  readonly allStepsApproved?: boolean;
  readonly signedOn?: string | null;
  readonly ourSignatory?: string | null;
  readonly partnerSignatory?: string | null;
  readonly date?: string | null;
  readonly reason?: string | null;
}

export type AdvanceCheck =
  | { ok: true }
  | { ok: false; kind: 'transition'; from: Stage; to: Stage }
  | { ok: false; kind: 'missing'; from: Stage; to: Stage; missing: Requirement[] };

export function isTransition(from: Stage, to: Stage): boolean {
  return TRANSITIONS[from][to] !== undefined;
}

export function requirementsOf(from: Stage, to: Stage): readonly Requirement[] {
  return TRANSITIONS[from][to] ?? [];
}

function filled(value: string | null | undefined): boolean {
  return value !== undefined && value !== null && value.trim() !== '';
}

function met(requirement: Requirement, facts: StageFacts): boolean {
  switch (requirement) {
    case 'letter':
      return facts.hasDatedLetter === true;
    case 'firstStepSubmitted':
      return facts.firstStepSubmitted === true;
    case 'allStepsApproved':
      return facts.allStepsApproved === true;
    case 'signedOn':
      return filled(facts.signedOn);
    case 'signatories':
      return filled(facts.ourSignatory) && filled(facts.partnerSignatory);
    case 'date':
      return filled(facts.date);
    case 'reason':
      return filled(facts.reason);
  }
}

export function checkAdvance(from: Stage, to: Stage, facts: StageFacts): AdvanceCheck {
  const requires = TRANSITIONS[from][to];
  if (requires === undefined) return { ok: false, kind: 'transition', from, to };
  const missing = requires.filter((r) => !met(r, facts));
  return missing.length === 0 ? { ok: true } : { ok: false, kind: 'missing', from, to, missing };
}

/** Every stage reachable from `from`, each with what is still missing. */
export function nextSteps(from: Stage, facts: StageFacts): { to: Stage; missing: Requirement[] }[] {
  return STAGE_ORDER.filter((to) => isTransition(from, to)).map((to) => {
    const check = checkAdvance(from, to, facts);
    return { to, missing: check.ok ? [] : check.kind === 'missing' ? check.missing : [] };
  });
}

/** Stages that count a tie as established in reports. */
export function countsAsEstablished(stage: Stage | null): boolean {
  return stage === 'established' || stage === 'suspended';
}

export const PIPELINE_STAGES = ['contact', 'intent', 'pending', 'approved'] as const;
export type PipelineStage = (typeof PIPELINE_STAGES)[number];

export function isPipeline(stage: Stage | null): stage is PipelineStage {
  return stage !== null && (PIPELINE_STAGES as readonly string[]).includes(stage);
}
