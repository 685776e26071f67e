import { z } from 'zod';
import type { ChainStep } from '../chains';
import type { Kind, Level, Stage } from '../enums';
import type { LetterRow, StepRow, TieRow } from '../model';
import type { TieEvent } from '../timeline';
import {
  enumOf,
  id,
  optionalPartialDate,
  optionalText,
  partialDate,
  text,
  version,
} from '../schemas';
import type { Requirement } from '../stages';
import type { Anniversary, Warning } from '../workflow';
import { command, query } from './channel';
import type { TieWarning } from './ties';

const overrides = z
  .strictObject({
    oneToOne: optionalText(1000).optional(),
    levels: optionalText(1000).optional(),
    signingBeforeLetter: optionalText(1000).optional(),
    signingBeforeApproval: optionalText(1000).optional(),
  })
  .default({});

export interface WorkflowOptions {
  readonly tie: TieRow;
  /** Every stage the tie can move to next, with what it still lacks. */
  readonly next: readonly { readonly to: Stage; readonly missing: readonly Requirement[] }[];
  /** What a signing would warn about today (the form re-checks with the date entered). */
  readonly warnings: readonly Warning[];
  /** The chain a submission would start, from Settings for our locality's level. */
  readonly chain: readonly ChainStep[];
  readonly round: readonly StepRow[];
  /** Every round's steps, the earliest first (a returned round stays, the next follows). */
  readonly rounds: readonly StepRow[];
  /**
   * What a submission now would ask for: the position it starts at in the chain (1: the
   * whole chain) and the approvals carried over from the round before.
   */
  readonly resubmit: { readonly start: number; readonly carried: readonly StepRow[] };
  readonly letters: readonly LetterRow[];
  readonly events: readonly TieEvent[];
  /** Whether an established exchange tie may be upgraded now, and what it lacks if not. */
  readonly upgrade: {
    readonly allowed: boolean;
    readonly missing: readonly ('established' | 'exchange' | 'chain')[];
  };
}

export interface FollowUpItem {
  /** What a dismissal or snooze names: `<kind>:<id>` (the step, the letter, or the tie). */
  readonly item: string;
  readonly tie_id: string;
  readonly local: string;
  readonly partner: string;
  readonly country: string;
  readonly stage: Stage;
  readonly kind: Kind;
  /** The date the wait is counted from, and how long it has been. */
  readonly since: string | null;
  readonly days: number | null;
  /** For a waiting approval step: its id and authority; for a letter: its id and title. */
  readonly ref?: { readonly id: string; readonly label: string };
  /** For a tie whose dates run against its stages' order: each pair, naming both dates. */
  readonly warnings?: readonly TieWarning[];
}

export interface FollowUps {
  readonly letters: readonly FollowUpItem[];
  readonly approved: readonly FollowUpItem[];
  readonly steps: readonly FollowUpItem[];
  readonly quiet: readonly FollowUpItem[];
  /** Ties whose stages are dated against their order ("dates out of order"). */
  readonly outOfOrder: readonly FollowUpItem[];
  /**
   * Established ties with no visit recorded that were established before the registry's
   * visits begin (a history import): one line, not one item each. Null when there are none.
   */
  readonly unvisited: { readonly count: number; readonly before: string } | null;
  /** Items set aside and not lifted, newest first, so each can be brought back. */
  readonly marks: readonly FollowUpMark[];
  /** Ties recorded before Taiwan, Hong Kong, Macao and China were refused as countries. */
  readonly notForeign: readonly FollowUpItem[];
  readonly total: number;
}

export interface FollowUpMark {
  readonly id: string;
  readonly item: string;
  readonly tie_id: string;
  readonly local: string;
  readonly partner: string;
  readonly action: 'dismissed' | 'snoozed';
  readonly until: string | null;
  readonly reason: string;
  readonly marked_by: string;
  readonly marked_at: string;
}

/** The report's anniversary (shared/workflow.ts), with the tie to open and its kind. */
export interface TieAnniversary extends Anniversary {
  readonly tie_id: string;
  readonly kind: Kind;
}

export const workflowChannels = {
  'workflow:options': query(z.strictObject({ id })).returns<WorkflowOptions>(),
  'workflow:advance': command(
    z.strictObject({
      id,
      version,
      to: enumOf('stage'),
      on: optionalPartialDate.optional(),
      reason: optionalText(2000).optional(),
      confidential: z.boolean().default(false),
      signed_on: optionalPartialDate.optional(),
      signed_place: optionalText(200).optional(),
      our_signatory: optionalText(200).optional(),
      partner_signatory: optionalText(200).optional(),
      overrides,
    }),
  ).returns<TieRow>(),
  'workflow:submit': command(
    z.strictObject({
      id,
      version,
      submitted_on: partialDate,
      /** The submission's reference number (报文文号). */
      reference_no: optionalText(100).optional(),
      note: optionalText(2000).optional(),
      /**
       * A resubmission after a return starts at the returning authority, earlier approvals
       * carried over (unless the chain asks for them again); `restart` asks them all again.
       */
      restart: z.boolean().default(false),
    }),
  ).returns<TieRow>(),
  'workflow:decide': command(
    z.strictObject({
      id,
      version,
      outcome: enumOf('outcome'),
      decided_on: partialDate,
      /** The decision's reference number (批文文号). */
      decision_ref: optionalText(100).optional(),
      /** Why, for a return or a rejection. */
      note: optionalText(2000).optional(),
    }),
  ).returns<StepRow>(),
  'workflow:upgrade': command(
    z.strictObject({
      id,
      version,
      on: partialDate,
      reason: optionalText(2000).optional(),
      overrides,
    }),
  ).returns<TieRow>(),
  'chains:get': query(z.strictObject({})).returns<Record<Level, ChainStep[]>>(),
  'chains:set': command(
    z.strictObject({
      level: enumOf('level'),
      steps: z
        .array(z.strictObject({ zh: text(200), en: text(200) }))
        .min(1)
        .max(12),
    }),
  ).returns<Record<Level, ChainStep[]>>(),
  /**
   * What needs attention. `limit` keeps the first items of each list (most days first) while
   * `total` still counts them all: the navigation's badge asks for none.
   */
  'followups:list': query(
    z.strictObject({ limit: z.number().int().min(0).max(100_000).optional() }),
  ).returns<FollowUps>(),
  /** Sets a follow-up aside, with a reason: dismissed for good, or snoozed until a day. */
  'followups:mark': command(
    z.strictObject({
      item: z
        .string()
        .regex(/^(steps|approved|letters|notForeign|outOfOrder|quiet):[A-Za-z0-9_-]{1,64}$/),
      action: z.enum(['dismissed', 'snoozed']),
      until: z.iso.date().optional(),
      reason: text(1000),
    }),
  ).returns<FollowUpMark>(),
  /** Brings a follow-up set aside back (the mark is kept, lifted). */
  'followups:unmark': command(z.strictObject({ item: z.string().min(3).max(200) })).returns<{
    lifted: number;
  }>(),
  'ties:anniversaries': query(
    z.strictObject({ year: z.number().int().min(1900).max(2200) }),
  ).returns<TieAnniversary[]>(),
};
