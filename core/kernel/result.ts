// Validation results shared by every validator in core/: all problems at once, each with the
// path of the offending value ("steps[3].seconds") and a plain message that reads on from it
// ("must be between 10 and 600"), so `formatProblem` gives "steps[3].seconds must be between 10 and 600".

/**
 * What kind of problem it is, as data, for the few callers that act on the kind (the protocol's
 * error code, whether waiting fixes a refusal), so nothing ever searches message text for it.
 * `newer-version`: written by a newer Knead (updating fixes it); `too-large`: over a byte limit.
 */
export type ProblemKind = 'newer-version' | 'too-large';

export interface Problem {
  readonly path: string;
  readonly message: string;
  readonly kind?: ProblemKind;
}

export type Validated<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly problems: readonly Problem[] };

export function valid<T>(value: T): Validated<T> {
  return { ok: true, value };
}

export function invalid<T>(problems: readonly Problem[]): Validated<T> {
  return { ok: false, problems };
}

/** Joins a parent path and a key the way messages show them: `steps[3].seconds`. */
export function joinPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  return parent === '' ? key : `${parent}.${key}`;
}

export function formatProblem(problem: Problem): string {
  return problem.path === '' ? problem.message : `${problem.path} ${problem.message}`;
}

/** All problems on one line, for logs and error replies. */
export function describeProblems(problems: readonly Problem[]): string {
  return problems.map(formatProblem).join('; ');
}
