import type { ErrorCode, IssueDetail } from '../../shared/result';

/**
 * A failure the user should hear about, as data: a code, a message key with its params
 * (worded in the caller's language at the door), and optional details and current record.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly key: string,
    readonly params: Readonly<Record<string, unknown>> = {},
    readonly extra: { details?: readonly Omit<IssueDetail, 'message'>[]; current?: unknown } = {},
  ) {
    super(key);
    this.name = 'AppError';
  }
}

export const notFound = (entity: string, id: string) =>
  new AppError('not_found', 'errors.notFound', { entity, id });

export const conflict = (entity: string, current: unknown) =>
  new AppError('conflict', 'errors.conflict', { entity }, { current });

export const rule = (key: string, params: Record<string, unknown> = {}) =>
  new AppError('rule', key, params);

/** A refusal of one or more values, each with the path of the field it concerns. */
export const invalid = (details: readonly Omit<IssueDetail, 'message'>[]) =>
  new AppError('validation', 'errors.validation.invalid', {}, { details });
