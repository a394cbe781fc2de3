// Answers gathered by the interview, as an answers file: YAML in the order of
// docs/answers-format.md, each answer preceded by a comment naming its question.
import { Document, isMap, isPair, isScalar, Scalar, type YAMLMap } from "yaml";
import type { PartialAnswers, Question } from "./questions.js";

const TOP_ORDER = ["answers_version", "date", "instrument", "number", "title", "sponsor", "authority", "jurisdiction", "modules", "options", "existing", "variables"];
const JURISDICTION_ORDER = ["name", "kind", "state", "legislative_body", "executive_title", "executive_name", "clerk_title"];

function ordered(obj: Record<string, unknown>, order: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  // Own keys only, set as data: a "constructor" or "__proto__" answer is kept (and refused as unknown), not lost.
  const put = (k: string): void => void Object.defineProperty(out, k, { value: obj[k], enumerable: true, writable: true, configurable: true });
  for (const k of order) if (Object.hasOwn(obj, k)) put(k);
  for (const k of Object.keys(obj)) if (!Object.hasOwn(out, k)) put(k);
  return out;
}

/** The answers in file order, with answers_version and empty sections filled in. */
export function completeAnswers(a: PartialAnswers): PartialAnswers {
  const base: PartialAnswers = { answers_version: 1, ...a, options: a.options ?? {}, existing: a.existing ?? {}, variables: a.variables ?? {} };
  if (base.jurisdiction && typeof base.jurisdiction === "object") base.jurisdiction = ordered(base.jurisdiction as Record<string, unknown>, JURISDICTION_ORDER);
  return ordered(base, TOP_ORDER);
}

/**
 * YAML text of the answers; questions give the comment above each answer.
 * schemaRef: the answers schema's path relative to the file, for its first
 * line. partial: the answers an interrupted interview has so far.
 */
export function answersYaml(a: PartialAnswers, questions: readonly Question[], schemaRef?: string, partial?: "partial"): string {
  const full = partial ? { answers_version: 1, ...a } : completeAnswers(a);
  // Clauses in the order their questions were asked.
  const clauseOrder = [...new Set(questions.filter((q) => q.kind === "variable").map((q) => q.keys[1]!))];
  if (full.variables) full.variables = ordered(full.variables as Record<string, unknown>, clauseOrder);
  const doc = new Document(full);
  doc.commentBefore =
    (schemaRef ? ` yaml-language-server: $schema=${schemaRef}\n` : "") +
    (partial
      ? " The answers given so far in an `ordkit draft` interview that did not finish.\n Run the same ordkit draft command again to resume; it asks only what is missing."
      : " ordkit answers file (docs/answers-format.md), written by the `ordkit draft` interview.\n" +
        " Each comment names the question that was asked. Draft again with:\n" +
        "   ordkit draft --answers THIS-FILE --out draft.docx");
  for (const q of questions) {
    const parent = q.keys.length === 1 ? doc.contents : doc.getIn(q.keys.slice(0, -1), true);
    if (!isMap(parent)) continue;
    const pair = (parent as YAMLMap).items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === q.keys[q.keys.length - 1]);
    if (!pair || !isScalar(pair.key)) continue;
    pair.key.commentBefore = ` ${oneLine(q.decl.prompt)}`;
    if (q.kind === "variable") {
      // Name the clause once, above its id.
      const vars = doc.get("variables", true);
      const clausePair = isMap(vars) ? vars.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === q.keys[1]) : undefined;
      if (clausePair && isScalar(clausePair.key) && !clausePair.key.commentBefore) clausePair.key.commentBefore = ` ${q.group}`;
    }
    if ((q.decl.type === "date" || q.path === "number") && isScalar(pair.value) && typeof pair.value.value === "string") pair.value.type = Scalar.QUOTE_DOUBLE;
  }
  return doc.toString({ lineWidth: 0 });
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, " ").trim();
}
