// Criteria frameworks as versioned data, validated with zod. A user-supplied framework JSON
// goes through parseFramework() and can then replace the built-in ones.
import * as z from 'zod/mini';
import '../zod';

/** Sums of points may differ by float noise (0.1 + 0.2). */
export const MAX_TOLERANCE = 1e-9;

const text = (empty: string) => z.string().check(z.trim(), z.minLength(1, empty));

// A node type of its own: the schema refers to itself (children), so its type is written out.
export interface FrameworkNode {
  /** "1", "1.2", "1.2.3", or "1.2(3)" for numbered items inside a criterion. */
  code: string;
  name: string;
  /** Maximum points; absent for PAPI / SIPAS and for survey-only items. */
  max?: number | undefined;
  /** Scored by a survey (e.g. PAR 8.1 SIPAS, run by Bộ Nội vụ): no self-assessed points. */
  surveyOnly?: boolean | undefined;
  children?: FrameworkNode[] | undefined;
}

/**
 * A node by a call, not an object literal: the built-in frameworks ship in functions.js, whose
 * size has a target (bench: ≤ 200 KB), and a call spares each node its key names (~13 bytes
 * minified), as the agency registry's entries do. Keys are set only when given and in the
 * literal's order, so the node is the one the literal made.
 */
export function node(code: string, name: string, max?: number, children?: FrameworkNode[]): FrameworkNode {
  const n: FrameworkNode = { code, name };
  if (max !== undefined) n.max = max;
  if (children) n.children = children;
  return n;
}

// zod's numbers are finite: Infinity and NaN are refused.
export const FrameworkNodeSchema: z.ZodMiniType<FrameworkNode> = z.object({
  code: text('code is empty'),
  name: text('name is empty'),
  max: z.optional(z.number().check(z.nonnegative())),
  surveyOnly: z.optional(z.boolean()),
  get children() {
    return z.optional(z.array(FrameworkNodeSchema));
  },
});

export const IndexNameSchema = z.enum(['PAR', 'PAPI', 'SIPAS']);

export const ScaleSchema = z
  .object({ min: z.number(), max: z.number(), unit: z.string() })
  .check(z.refine((s) => s.min < s.max, { error: 'scale.min must be below scale.max' }));

const FrameworkBaseSchema = z.object({
  id: text('id is empty'),
  index: IndexNameSchema,
  name: text('name is empty'),
  /** The decision (or survey) that defines the framework. */
  source: text('source is empty'),
  validFrom: z.int(),
  validTo: z.optional(z.int()),
  /** Per top-level index scale: PAPI 1–10 points, SIPAS 0–100 %. */
  scale: z.optional(ScaleSchema),
  totalMax: z.optional(z.number().check(z.nonnegative())),
  nodes: z.array(FrameworkNodeSchema).check(z.minLength(1, 'framework has no nodes')),
});

type Path = (string | number)[];
type Issue = { path: Path; message: string };

function sumMax(nodes: readonly FrameworkNode[]): { sum: number; count: number } {
  let sum = 0;
  let count = 0;
  for (const n of nodes) {
    if (n.max === undefined) continue;
    sum += n.max;
    count++;
  }
  return { sum, count };
}

const near = (a: number, b: number): boolean => Math.abs(a - b) <= MAX_TOLERANCE;
const fmt = (n: number): string => String(Math.round(n * 1e6) / 1e6);

/** Walk the tree: duplicate codes, parent max vs children sum, survey-only without points. */
function checkNodes(nodes: readonly FrameworkNode[], path: Path, seen: Map<string, string>, out: Issue[]): void {
  nodes.forEach((node, i) => {
    const here = [...path, i];
    const first = seen.get(node.code);
    if (first !== undefined) {
      out.push({ path: [...here, 'code'], message: `duplicate code "${node.code}" (first at ${first})` });
    } else seen.set(node.code, formatPath(here));
    if (node.surveyOnly && node.max !== undefined) {
      out.push({ path: [...here, 'max'], message: `survey-only node "${node.code}" must not have max points` });
    }
    const kids = node.children ?? [];
    const { sum, count } = sumMax(kids);
    if (node.max !== undefined && count > 0 && !near(sum, node.max)) {
      out.push({
        path: [...here, 'max'],
        message: `max of "${node.code}" is ${fmt(node.max)} but its children sum to ${fmt(sum)}`,
      });
    }
    checkNodes(kids, [...here, 'children'], seen, out);
  });
}

export const FrameworkSchema = FrameworkBaseSchema.check(z.superRefine((fw, ctx) => {
  const issues: Issue[] = [];
  if (fw.validTo !== undefined && fw.validTo < fw.validFrom) {
    issues.push({ path: ['validTo'], message: `validTo ${fw.validTo} is before validFrom ${fw.validFrom}` });
  }
  checkNodes(fw.nodes, ['nodes'], new Map(), issues);
  const { sum, count } = sumMax(fw.nodes);
  if (fw.totalMax !== undefined && count > 0 && !near(sum, fw.totalMax)) {
    issues.push({
      path: ['totalMax'],
      message: `totalMax is ${fmt(fw.totalMax)} but the top-level maxima sum to ${fmt(sum)}`,
    });
  }
  for (const issue of issues) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message, input: fw });
}));

export type Framework = z.infer<typeof FrameworkSchema>;

export type ParseFrameworkResult = { ok: true; framework: Framework } | { ok: false; errors: string[] };

/** "nodes[0].children[1].max"; "(root)" for the whole document. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out || '(root)';
}

function readJson(json: unknown): { ok: true; value: unknown } | { ok: false; error: string } {
  if (typeof json !== 'string') return { ok: true, value: json };
  try {
    return { ok: true, value: JSON.parse(json) as unknown };
  } catch (e) {
    return { ok: false, error: `(root): invalid JSON: ${e instanceof Error ? e.message : String(e)}` };
  }
}

/**
 * Validate a framework given as a parsed object or a JSON string. Never throws;
 * errors read "path: message".
 */
export function parseFramework(json: unknown): ParseFrameworkResult {
  try {
    const read = readJson(json);
    if (!read.ok) return { ok: false, errors: [read.error] };
    const result = FrameworkSchema.safeParse(read.value);
    if (result.success) return { ok: true, framework: result.data };
    return { ok: false, errors: result.error.issues.map((i) => `${formatPath(i.path)}: ${i.message}`) };
  } catch (e) {
    return { ok: false, errors: [`(root): ${e instanceof Error ? e.message : String(e)}`] };
  }
}
