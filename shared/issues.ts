import type { z } from 'zod';
import type { IssueDetail } from './result';

/**
 * Words a zod issue as an i18n key with params. Our own schemas put the key in the message
 * (`errors.date.format`); zod's built-in issues are mapped here.
 */
export function issueKey(issue: z.core.$ZodIssue): {
  key: string;
  params: Record<string, unknown>;
} {
  const field = issue.path.at(-1);
  switch (issue.code) {
    case 'custom':
      return issue.message.startsWith('errors.')
        ? { key: issue.message, params: { ...(issue.params ?? {}) } }
        : { key: 'errors.validation.invalid', params: {} };
    case 'invalid_type':
      return issue.input === undefined
        ? {
            key: 'errors.validation.required',
            params: { field: typeof field === 'string' ? field : String(field ?? '') },
          }
        : { key: 'errors.validation.type', params: { expected: issue.expected } };
    case 'too_big':
      return issue.origin === 'string'
        ? { key: 'errors.validation.tooLong', params: { max: Number(issue.maximum) } }
        : { key: 'errors.validation.tooBig', params: { max: Number(issue.maximum) } };
    case 'too_small':
      return issue.origin === 'string' && Number(issue.minimum) === 1
        ? {
            key: 'errors.validation.required',
            params: { field: typeof field === 'string' ? field : '' },
          }
        : { key: 'errors.validation.tooSmall', params: { min: Number(issue.minimum) } };
    case 'unrecognized_keys':
      return { key: 'errors.validation.unknownKey', params: { keys: issue.keys } };
    case 'invalid_value':
      return {
        key: 'errors.enum.unknown',
        params: { value: String(issue.input), allowed: issue.values.map(String) },
      };
    case 'invalid_union':
      return { key: 'errors.validation.type', params: { expected: 'text' } };
    default:
      return issue.message.startsWith('errors.')
        ? { key: issue.message, params: {} }
        : { key: 'errors.validation.invalid', params: {} };
  }
}

export function issuesToDetails(
  issues: readonly z.core.$ZodIssue[],
  word: (key: string, params: Record<string, unknown>) => string,
): IssueDetail[] {
  return issues.map((issue) => {
    const { key, params } = issueKey(issue);
    return {
      path: issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
      key,
      params,
      message: word(key, params),
    };
  });
}
