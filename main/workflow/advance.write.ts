import { activeLettersOfTie, signedLettersOfTie } from '../../db/letters.repository';
import { getLocality } from '../../db/localities.repository';
import { getPartner } from '../../db/partners.repository';
import type { Executor, Row, RowPatch } from '../../db/schema';
import { currentRound } from '../../db/steps.repository';
import { friendshipLocalitiesOf } from '../../db/ties.repository';
import { updateVersioned } from '../../db/versioned';
import { dayOf, firstDay } from '../../shared/dates';
import type { Kind, Stage } from '../../shared/enums';
import { checkAdvance, type StageFacts } from '../../shared/stages';
import { signingWarnings, unanswered, type Warning, type WarningCode } from '../../shared/workflow';
import { AppError, rule } from '../core/errors';
import { appendEvent } from '../ties/events.write';
import { audit, type WriteEnv } from '../core/write-env';

/**
 * The stage machine, enforced here for every path that moves a tie on (the advance form, a
 * grid edit, a paste, an approval decision): what the target stage needs, the rule checks
 * that need a stated reason to override, and the dated event with who recorded it.
 */

export interface AdvanceInput {
  /** The date of the change (suspend, resume, terminate, a return to intent). */
  readonly on?: string | null;
  readonly reason?: string | null;
  readonly confidential?: boolean;
  readonly signed_on?: string | null;
  readonly signed_place?: string | null;
  readonly our_signatory?: string | null;
  readonly partner_signatory?: string | null;
  readonly overrides?: Readonly<Partial<Record<WarningCode, string | null>>>;
}

/** The latest decision date of a round: when its chain was last approved. */
function lastDecision(round: readonly Row<'approval_steps'>[]): string | null {
  return (
    round
      .filter((s) => s.outcome === 'approved')
      .map((s) => s.decided_on)
      .filter((d): d is string => d !== null)
      .sort((a, b) => firstDay(a).localeCompare(firstDay(b)))
      .at(-1) ?? null
  );
}

async function datedLetters(db: Executor, tieId: string): Promise<{ signed_on: string }[]> {
  return (await signedLettersOfTie(db, tieId)).sort((a, b) =>
    firstDay(a.signed_on).localeCompare(firstDay(b.signed_on)),
  );
}

/** What the registry knows towards a stage's requirements, with what the form supplies. */
export async function stageFacts(
  db: Executor,
  tie: Row<'ties'>,
  input: AdvanceInput = {},
): Promise<StageFacts> {
  const letters = await datedLetters(db, tie.id);
  const round = await currentRound(db, tie.id);
  return {
    hasDatedLetter: letters.length > 0 || tie.intent_signed_on !== null,
    firstStepSubmitted: round[0]?.submitted_on != null,
    allStepsApproved: round.length > 0 && round.every((s) => s.outcome === 'approved'),
    signedOn: input.signed_on ?? tie.established_on,
    ourSignatory: input.our_signatory ?? tie.our_signatory,
    partnerSignatory: input.partner_signatory ?? tie.partner_signatory,
    date: input.on ?? null,
    reason: input.reason ?? null,
  };
}

/** Our other localities that already have an established friendship tie with this partner. */
async function otherFriendshipLocalities(db: Executor, tie: Row<'ties'>): Promise<string[]> {
  return friendshipLocalitiesOf(db, tie.partner_id, tie.id);
}

/** The warnings a signing (or an upgrade to friendship) would raise, as things stand. */
export async function warningsFor(
  db: Executor,
  tie: Row<'ties'>,
  kind: Kind,
  signedOn: string | null,
): Promise<Warning[]> {
  const locality = await getLocality(db, tie.locality_id);
  const partner = await getPartner(db, tie.partner_id);
  const letters = await datedLetters(db, tie.id);
  const round = await currentRound(db, tie.id);
  return signingWarnings({
    lastApprovalOn: lastDecision(round),
    kind,
    ourLevel: locality?.level ?? 'city',
    partnerPlaceKind: partner?.place_kind ?? 'city',
    otherFriendshipLocalities: await otherFriendshipLocalities(db, tie),
    signedOn,
    earliestLetterOn: letters[0]?.signed_on ?? tie.intent_signed_on,
  });
}

/** Refuses while any warning lacks a reason; returns the reasons to keep with the event. */
export function requireOverrides(
  warnings: readonly Warning[],
  overrides: AdvanceInput['overrides'] = {},
): string | null {
  const open = unanswered(
    warnings,
    Object.fromEntries(Object.entries(overrides ?? {}).map(([k, v]) => [k, v ?? ''])),
  );
  if (open.length > 0) {
    throw new AppError(
      'rule',
      'errors.workflow.warnings',
      { count: open.length },
      {
        details: open.map((w) => ({
          path: ['overrides', w.code],
          key: `warnings.${w.code}`,
          params: w.params,
        })),
      },
    );
  }
  if (warnings.length === 0) return null;
  return JSON.stringify(
    Object.fromEntries(warnings.map((w) => [w.code, (overrides?.[w.code] ?? '').trim()])),
  );
}

/**
 * Moves `tie` (the row as it will be, with any other edits of the same save merged in) to
 * `to`. Returns the columns of the tie that change with it; the caller writes the row.
 */
export async function advanceIn(
  env: WriteEnv,
  tie: Row<'ties'>,
  to: Stage,
  input: AdvanceInput,
): Promise<RowPatch<'ties'>> {
  const from = tie.stage;
  const check = checkAdvance(from, to, await stageFacts(env.trx, tie, input));
  if (!check.ok) {
    throw check.kind === 'transition'
      ? rule('errors.stage.transition', { from, to })
      : rule('errors.stage.missing', { from, to, missing: check.missing });
  }
  const patch: RowPatch<'ties'> = { stage: to };
  const round = await currentRound(env.trx, tie.id);
  const signing = to === 'established' && from === 'approved';
  let override: string | null = null;
  let on: string | null;
  if (signing) {
    const signedOn = (input.signed_on ?? tie.established_on) as string;
    override = requireOverrides(
      await warningsFor(env.trx, tie, tie.kind, signedOn),
      input.overrides,
    );
    on = signedOn;
    patch.established_on = signedOn;
    if (input.signed_place !== undefined) patch.signed_place = input.signed_place;
    if (input.our_signatory !== undefined) patch.our_signatory = input.our_signatory;
    if (input.partner_signatory !== undefined) patch.partner_signatory = input.partner_signatory;
    // The agreement supersedes the letters of intent that led to it.
    await supersedeLetters(env, tie.id);
  } else if (to === 'intent' && from === 'contact') {
    on =
      (await datedLetters(env.trx, tie.id))[0]?.signed_on ??
      tie.intent_signed_on ??
      input.on ??
      null;
    if (tie.intent_signed_on === null && on !== null) patch.intent_signed_on = on;
  } else if (to === 'pending') {
    // The round's own first step (approvals carried over from a return were submitted before).
    on = input.on ?? round.find((s) => s.carried_from === null)?.submitted_on ?? null;
  } else if (to === 'approved') {
    on = lastDecision(round) ?? input.on ?? null;
  } else {
    on = input.on ?? null;
  }
  await appendEvent(
    env,
    tie.id,
    { type: 'stage', stage: to, from },
    on ?? dayOf(new Date(env.at)),
    {
      note: input.reason ?? null,
      confidential: input.confidential ?? false,
      override_reason: override,
    },
  );
  return patch;
}

async function supersedeLetters(env: WriteEnv, tieId: string): Promise<void> {
  for (const letter of await activeLettersOfTie(env.trx, tieId)) {
    const patch = { status: 'superseded' as const, updated_at: env.at };
    // Read in this transaction a moment ago, so the version still matches.
    await updateVersioned(env.trx, 'letters', letter.id, letter.version, patch);
    await audit(env, 'letter', letter.id, 'update', letter, {
      ...letter,
      ...patch,
      version: letter.version + 1,
    });
  }
}
