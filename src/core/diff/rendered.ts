// A library as a drafter reads it: each clause's text rendered, per
// instrument it serves, with its variables' defaults and the options'
// defaults, for a sample jurisdiction whose names read as blanks to fill.
// The DOCX redline of two libraries compares these rather than the
// templates' source.
import { INSTRUMENTS, type Instrument } from "../draft.js";
import { render } from "../assemble/handlebars.js";
import { holds } from "../assemble/conditions.js";
import { INSTRUMENT_WORD } from "../assemble/globals.js";
import type { Clause, Library, ParagraphSpec } from "../library/types.js";
import type { Unit, UnitPara } from "./model.js";

/** The sample jurisdiction: a city, with bracketed names that stand out as blanks. */
const SAMPLE = {
  name: "City of [Name]",
  the_name: "the City of [Name]",
  term: "City",
  kind: "city",
  state: "[ST]",
  state_name: "[State]",
  legislative_body: "City Council",
  executive_title: "Mayor",
  clerk_title: "City Clerk",
};

function sampleContext(instrument: Instrument, date: string): Record<string, unknown> {
  return { jurisdiction: SAMPLE, existing: {}, instrument, Instrument: INSTRUMENT_WORD[instrument], number: "[number]", date };
}

/** Text rendered with the context; the template itself (marked) when it cannot render with defaults alone. */
function renderText(text: string, ctx: Record<string, unknown>): string {
  try {
    return render(text, ctx).replace(/\s+/g, " ").trim();
  } catch {
    return `[template: ${text.replace(/\s+/g, " ").trim()}]`;
  }
}

function paras(specs: ParagraphSpec[], ctx: Record<string, unknown>, cond: unknown, prefix: string, depth: number, out: UnitPara[]): void {
  let n = 0;
  for (const p of specs) {
    if (!holds(p.when, cond)) continue;
    const path = prefix ? `${prefix}.${++n}` : String(++n);
    out.push({ path, role: "body", depth, text: renderText(p.text, ctx) });
    if (p.children) paras(p.children, ctx, cond, path, depth + 1, out);
  }
}

function clauseUnits(c: Clause, lib: Library, date: string): Unit[] {
  const options = Object.fromEntries(Object.entries(lib.options).filter(([, d]) => d.default !== undefined).map(([k, d]) => [k, d.default]));
  const defaults = Object.fromEntries(Object.entries(c.variables).map(([k, d]) => [k, d.default !== undefined ? d.default : `[${k}]`]));
  return INSTRUMENTS.filter((i) => c.instruments.includes(i)).map((instrument) => {
    const ctx = { ...sampleContext(instrument, date), ...defaults };
    const cond = { instrument, modules: lib.categories.map((k) => k.id), options, variables: { [c.id]: defaults }, jurisdiction: SAMPLE, existing: {} };
    const out: UnitPara[] = [];
    if (c.heading !== undefined) out.push({ path: "heading", role: "heading", depth: 0, text: renderText(c.heading, ctx).replace(/\.$/, "") });
    paras(c.body, ctx, cond, "", 0, out);
    const word = INSTRUMENT_WORD[instrument]!.toLowerCase();
    return {
      id: `${c.id} (${word})`,
      title: `${c.title} (${word})`,
      kind: c.kind,
      version: c.version,
      label: `${c.id} — ${c.title}, as it reads in ${instrument === "executive-order" ? "an executive order" : instrument === "ordinance" ? "an ordinance" : "a resolution"}`,
      optional: c.when !== undefined,
      paras: out,
      meta: {},
    };
  });
}

/** Every clause of the library, per instrument, rendered, in drafting order. */
export function renderedUnits(lib: Library, date: string): Unit[] {
  const catIndex = new Map(lib.categories.map((k, i) => [k.id, i]));
  const clauses = [...lib.clauses.values()].sort(
    (x, y) => (catIndex.get(x.category) ?? 999) - (catIndex.get(y.category) ?? 999) || x.order - y.order || x.id.localeCompare(y.id),
  );
  return clauses.flatMap((c) => clauseUnits(c, lib, date));
}
