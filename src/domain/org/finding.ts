// What the org rules report back. Rules.md: the system prompts or warns where a rule is
// broken and blocks only where the data would be impossible, so a check returns findings for
// the caller to show (or to refuse on), never throws.

/** One broken rule: a stable code for the program, a message for people. */
export interface Finding<Code extends string = string> {
  readonly code: Code;
  /** zh-CN, naming the rule and the values involved. */
  readonly message: string;
  /** The same in English, where the finding is shown to users (org warnings, work prompts). */
  readonly en?: string;
}

/** A finding about one step of a process (a development step, a transfer). */
export interface StepFinding<Step extends string = string, Code extends string = string> extends Finding<Code> {
  readonly step: Step;
}

/** A computed value, or the finding that makes it impossible to compute. */
export type Result<T, Code extends string = string> = { ok: true; value: T } | { ok: false; error: Finding<Code> };
