// Turns what is compared into units: the clauses of a library (or one clause
// file), or the parts of a Draft (front matter, recitals, sections).
import type { Draft, Paragraph } from "../draft.js";
import type { Clause, Library, ParagraphSpec } from "../shared/library-types.js";
import type { Unit, UnitPara } from "./model.js";

/** JSON with sorted keys, so metadata compares by meaning, not key order. */
export function canonical(v: unknown): string {
  return JSON.stringify(sortKeys(v));
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === "object") {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v as object).sort()) out[k] = sortKeys((v as Record<string, unknown>)[k]);
    return out;
  }
  return v;
}

/** The clause fields a unit needs; a Clause from loadLibrary or a bare clause file both fit. */
export type ClauseData = Pick<Clause, "id" | "version" | "title" | "category" | "kind" | "instruments" | "body"> &
  Partial<Pick<Clause, "order" | "when" | "regulates" | "terms" | "term" | "variables" | "heading" | "risks" | "replaced_by" | "sources">>;

function bodyParas(body: ParagraphSpec[], prefix: string, depth: number, out: UnitPara[]): void {
  body.forEach((p, i) => {
    const path = prefix ? `${prefix}.${i + 1}` : String(i + 1);
    out.push({ path, role: "body", depth, text: String(p.text ?? ""), ...(p.when ? { when: canonical(p.when) } : {}) });
    if (p.children) bodyParas(p.children, path, depth + 1, out);
  });
}

export function clauseUnit(c: ClauseData): Unit {
  const paras: UnitPara[] = [];
  if (c.heading !== undefined) paras.push({ path: "heading", role: "heading", depth: 0, text: String(c.heading) });
  bodyParas(c.body ?? [], "", 0, paras);
  const meta: Record<string, string> = {
    title: canonical(c.title),
    kind: canonical(c.kind),
    category: canonical(c.category),
    instruments: canonical([...(c.instruments ?? [])].sort()),
    order: canonical(c.order ?? 500),
  };
  if (c.when !== undefined) meta.when = canonical(c.when);
  if (c.regulates !== undefined) meta.regulates = canonical(c.regulates);
  if (c.terms?.length) meta.terms = canonical([...c.terms].sort());
  if (c.term !== undefined) meta.term = canonical(c.term);
  if (c.replaced_by !== undefined) meta.replaced_by = canonical(c.replaced_by);
  for (const [name, decl] of Object.entries(c.variables ?? {})) meta[`variables.${name}`] = canonical(decl);
  for (const s of c.sources ?? []) meta[`sources.${s.title}`] = canonical({ date: s.date ?? null, url: s.url ?? null });
  for (const r of c.risks ?? []) meta[`risks.${r.rule}`] = canonical(r.note);
  return {
    id: c.id,
    title: String(c.title ?? c.id),
    kind: String(c.kind),
    version: c.version === undefined ? null : String(c.version),
    label: `${c.id} — ${c.title}`,
    optional: c.when !== undefined,
    paras,
    meta,
  };
}

/** A library's clauses in drafting order: category order from the manifest, then `order`, then id. */
export function libraryUnits(lib: Library): Unit[] {
  const catIndex = new Map(lib.categories.map((c, i) => [c.id, i]));
  const clauses = [...lib.clauses.values()].sort(
    (x, y) => (catIndex.get(x.category) ?? 999) - (catIndex.get(y.category) ?? 999) || x.order - y.order || x.id.localeCompare(y.id),
  );
  return clauses.map(clauseUnit);
}

function sectionParas(ps: Paragraph[]): UnitPara[] {
  const out: UnitPara[] = [];
  const visit = (list: Paragraph[], prefix: string, depth: number): void => {
    list.forEach((p, i) => {
      const path = prefix ? `${prefix}.${i + 1}` : String(i + 1);
      out.push({ path, role: "body", depth, text: p.text });
      visit(p.children, path, depth + 1);
    });
  };
  visit(ps, "", 0);
  return out;
}

/** A Draft as units: the front matter, the recitals, then each section. */
export function draftUnits(d: Draft): Unit[] {
  const units: Unit[] = [];
  const front: UnitPara[] = [];
  let n = 0;
  for (const b of d.layout) {
    if (b.type === "heading" || b.type === "title" || b.type === "para" || b.type === "formula") front.push({ path: String(++n), role: "body", depth: 0, text: b.text });
  }
  units.push({ id: "front", title: "Title and enacting formula", kind: "front", version: null, label: null, optional: false, paras: front, meta: {} });
  if (d.recitals.length) {
    units.push({
      id: "recitals",
      title: "Recitals",
      kind: "recitals",
      version: null,
      label: null,
      optional: false,
      paras: d.recitals.map((r, i) => ({ path: String(i + 1), role: "body", depth: 0, text: `WHEREAS, ${r.text}` })),
      meta: {},
    });
  }
  const versions = new Map(d.provenance.clauses.map((c) => [c.id, c.version]));
  for (const s of d.sections) {
    units.push({
      id: s.id,
      title: s.heading,
      kind: s.role,
      version: s.clauseId ? (versions.get(s.clauseId) ?? null) : null,
      label: null,
      optional: false,
      paras: [{ path: "heading", role: "heading", depth: 0, text: s.heading }, ...sectionParas(s.paragraphs)],
      meta: {},
    });
  }
  return units;
}
