/**
 * The one place a request that fails its schema becomes an error: an option's bad value is lib's
 * 'invalid-option' sentence (the same as the CLI's and the library's), an unknown name (a query
 * parameter, a body field, an option) is 'unknown-parameter' naming it, anything else is 'invalid-request'.
 */
import { OPTION_BY_NAME, checkOptionValue, optionFromText } from '../../lib/option-table';
import { HttpError } from '../http-error';

interface Issue {
  code: string;
  path: PropertyKey[];
  message: string;
  keys?: string[];
}

/** Throws the HTTP error for a failed validation of `target` (query, json, param…); `data` is what was validated. */
export function validationError(target: string, issues: readonly Issue[], data: unknown): never {
  const issue = issues[0];
  if (!issue) throw new HttpError(400, 'invalid-request', 'The request is not valid.');
  if (issue.code === 'unrecognized_keys') {
    const names = (issue.keys ?? []).map((k) => `"${k.slice(0, 60)}"`).join(', ');
    const where = target === 'query' ? 'query parameter' : 'field';
    const inside = issue.path.length > 0 ? ` in ${issue.path.join('.')}` : '';
    // one code for every unknown name, wherever it is written
    throw new HttpError(400, 'unknown-parameter', `Unknown ${where}${(issue.keys?.length ?? 0) > 1 ? 's' : ''} ${names}${inside}.`);
  }
  // an option: lib says what is wrong with the value, in the words every surface uses
  const name = String(issue.path[issue.path.length - 1] ?? '');
  const spec = OPTION_BY_NAME.get(name);
  const inOptions = target === 'query' ? issue.path.length === 1 : issue.path.length === 2 && issue.path[0] === 'options';
  if (spec && inOptions) {
    const value = valueAt(data, issue.path);
    if (target === 'query' && typeof value === 'string') optionFromText(spec, value);
    else checkOptionValue(spec, value);
  }
  const where = issue.path.length ? `${issue.path.join('.')}: ` : '';
  throw new HttpError(400, 'invalid-request', `${where}${issue.message}`);
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let at: unknown = data;
  for (const key of path) at = at !== null && typeof at === 'object' ? (at as Record<PropertyKey, unknown>)[key] : undefined;
  return at;
}
