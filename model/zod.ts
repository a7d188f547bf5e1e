// zod's messages for the model's schemas, in English as zod's own locale words them, for the issues
// these schemas raise (types, sizes, enumerations, unknown keys; refinements bring their own). The
// model uses zod/mini (checks are functions a bundler can leave out: ~20 KB in the custom-functions
// bundle instead of ~85 KB for zod's chained API); each schema module imports `* as z from
// 'zod/mini'` itself — a namespace re-exported from here would make webpack keep all of zod, its 40
// locales included — and this module for the messages (zod/mini has none of its own). Not zod's
// `en` locale: its table of string formats the model never checks (e-mail, UUID, IBAN …) cost
// functions.js 3.4 KB of its 200 KB.
import { config } from 'zod/mini';
import type { $ZodRawIssue } from 'zod/v4/core';

/** A value's type as zod's messages name it ("array", "null", "NaN", "Infinity", a class's name, else typeof). */
function typeName(v: unknown): string {
  if (typeof v === 'number') return Number.isFinite(v) ? 'number' : String(v);
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'object' && Object.getPrototypeOf(v) !== Object.prototype && (v as { constructor?: { name?: string } }).constructor?.name) {
    return (v as { constructor: { name: string } }).constructor.name;
  }
  return typeof v;
}

const quoted = (v: unknown) => (typeof v === 'string' ? `"${v}"` : String(v));

/** A bound as the locale words it: "number to be >=0", "array to have >=1 items", "string to have <=9 characters". */
function bound(origin: string | undefined, op: string, n: unknown): string {
  const unit = origin === 'array' ? ' items' : origin === 'string' ? ' characters' : '';
  return `${origin ?? 'value'} to ${unit ? 'have' : 'be'} ${op}${String(n)}${unit}`;
}

export function zodMessage(issue: $ZodRawIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `Invalid input: expected ${issue.expected}, received ${typeName(issue.input)}`;
    case 'invalid_value':
      return issue.values.length === 1 ? `Invalid input: expected ${quoted(issue.values[0])}` : `Invalid option: expected one of ${issue.values.map(quoted).join('|')}`;
    case 'too_big':
      return `Too big: expected ${bound(issue.origin, issue.inclusive ? '<=' : '<', issue.maximum)}`;
    case 'too_small':
      return `Too small: expected ${bound(issue.origin, issue.inclusive ? '>=' : '>', issue.minimum)}`;
    case 'unrecognized_keys':
      return `Unrecognized key${issue.keys.length > 1 ? 's' : ''}: ${issue.keys.map(quoted).join(', ')}`;
    case 'invalid_format':
      return issue.format === 'regex' && 'pattern' in issue ? `Invalid string: must match pattern ${String(issue.pattern)}` : `Invalid ${issue.format}`;
    default:
      return 'Invalid input';
  }
}

config({ localeError: zodMessage });
