// The clause library as a Markdown catalog (docs/library.md): every clause,
// grouped by category, generated from the YAML so the page cannot drift from
// the library. Pure and deterministic: the same library gives the same bytes.
import type { Clause, Condition, Library, VariableDecl } from "../shared/library-types.js";

/** How ordkit regenerates its own docs/library.md. */
export const CATALOG_COMMAND = "npm run docs:library";

export function libraryCatalog(lib: Library): string {
  const groups = clausesByCategory(lib);
  const out: string[] = [];
  out.push("<!-- Generated from the clause library by `ordkit clauses list --format md`. Do not edit by hand. -->");
  out.push("");
  const top = lib.layers[lib.layers.length - 1];
  const layered = lib.layers.length > 1 && top;
  const title = layered ? `Clause library: ${top.name} ${top.version}` : `Clause library: ${lib.name} ${lib.version}`;
  out.push(`# ${title}`);
  out.push("");
  out.push(
    `${count(lib.clauses.size, "clause")} in ${count(groups.filter((g) => g.clauses.length).length, "category", "categories")}; ` +
      (layered ? `layers ${lib.layers.map((l) => `${l.name} ${l.version}`).join(" < ")}; ` : "") +
      `legal knowledge as of ${lib.legalAsOf || "(not stated)"}. ` +
      "Each entry is read from the clause's YAML file (see [clause-format.md](clause-format.md)); " +
      "a draft includes a clause when the answers select its category as a module, its instrument is listed, and its condition holds.",
  );
  out.push("");
  out.push("## Contents");
  out.push("");
  const slugs = new Slugger();
  slugs.slug(title);
  slugs.slug("Contents");
  const optionsAnchor = Object.keys(lib.options).length ? slugs.slug("Options") : null;
  if (optionsAnchor) out.push(`- [Options](#${optionsAnchor})`);
  const anchors = groups.map((g) => slugs.slug(g.title));
  groups.forEach((g, i) => out.push(`- [${g.title}](#${anchors[i]}) (${g.clauses.length})`));
  out.push("");

  if (optionsAnchor) {
    out.push("## Options");
    out.push("");
    out.push("Library-wide answers under `options:` that choose between clauses.");
    out.push("");
    out.push(...variableTable(lib.options));
    out.push("");
  }

  for (const g of groups) {
    out.push(`## ${g.title}`);
    out.push("");
    out.push(`Category \`${g.id}\`${g.description ? `: ${inline(g.description)}` : "."}`);
    out.push("");
    if (!g.clauses.length) {
      out.push("No clauses.");
      out.push("");
    }
    for (const c of g.clauses) {
      out.push(...clauseEntry(c, Boolean(layered)));
    }
  }
  return out.join("\n").replace(/\n+$/, "") + "\n";
}

interface Group {
  id: string;
  title: string;
  description?: string;
  clauses: Clause[];
}

/** Categories in the manifest's order; clauses in assembly order (order, then id). */
function clausesByCategory(lib: Library): Group[] {
  const groups: Group[] = lib.categories.map((k) => ({ id: k.id, title: k.title, ...(k.description ? { description: k.description } : {}), clauses: [] }));
  const byId = new Map(groups.map((g) => [g.id, g]));
  for (const c of lib.clauses.values()) {
    let g = byId.get(c.category);
    if (!g) {
      // A library without a category list: group by the id's first part.
      g = { id: c.category, title: c.category, clauses: [] };
      byId.set(c.category, g);
      groups.push(g);
    }
    g.clauses.push(c);
  }
  for (const g of groups) g.clauses.sort((x, y) => x.order - y.order || compare(x.id, y.id));
  const known = lib.categories.length;
  return [...groups.slice(0, known), ...groups.slice(known).sort((x, y) => compare(x.id, y.id))];
}

function clauseEntry(c: Clause, layered: boolean): string[] {
  const out: string[] = [`### ${c.id}: ${inline(c.title)}`, ""];
  const rows: Array<[string, string]> = [
    ["Version", c.version],
    ["Kind", c.kind],
    ["Instruments", c.instruments.join(", ")],
  ];
  if (layered) rows.push(["Layer", c.overrides ? `${c.layer} (overrides ${c.overrides.layer} ${c.overrides.version})` : c.layer]);
  if (c.term) rows.push(["Defines", `“${c.term}”`]);
  rows.push(["Regulates", c.regulates ? `who: ${c.regulates.who}; where: ${c.regulates.where}; does: ${c.regulates.does}` : "—"]);
  rows.push(["Selected when", c.when ? describeCondition(c.when) : c.kind === "definition" ? "a selected clause uses its term" : "always"]);
  if (c.terms.length) rows.push(["Terms used", c.terms.map((t) => `\`${t}\``).join(", ")]);
  if (c.replaced_by) rows.push(["Replaced by", `\`${c.replaced_by}\``]);
  out.push("| field | value |", "|---|---|");
  for (const [k, v] of rows) out.push(`| ${k} | ${cell(v)} |`);
  out.push("");

  if (Object.keys(c.variables).length) {
    out.push("Variables:", "");
    out.push(...variableTable(c.variables));
    out.push("");
  }
  if (c.risks.length) {
    out.push("Risks:", "");
    for (const r of c.risks) out.push(`- [\`${r.rule}\`](rules/${r.rule}.md): ${inline(r.note)}`);
    out.push("");
  }
  if (c.sources.length) {
    out.push("Sources:", "");
    for (const s of c.sources) {
      const title = s.url ? `[${linkText(s.title)}](${/[\s()<>]/.test(s.url) ? `<${s.url}>` : s.url})` : inline(s.title);
      out.push(`- ${title}${s.date ? ` (${s.date})` : ""}`);
    }
    out.push("");
  }
  return out;
}

function variableTable(vars: Record<string, VariableDecl>): string[] {
  const out = ["| name | type | default | allowed | question |", "|---|---|---|---|---|"];
  for (const [name, d] of Object.entries(vars)) {
    out.push(`| \`${name}\` | ${d.type} | ${cell(defaultText(d))} | ${cell(allowedText(d))} | ${cell(d.prompt)} |`);
  }
  return out;
}

function defaultText(d: VariableDecl): string {
  if (d.default === undefined) return "(must be answered)";
  if (Array.isArray(d.default)) return d.default.map(code).join(", ") || "(none)";
  return code(d.default);
}

function allowedText(d: VariableDecl): string {
  const parts: string[] = [];
  if (d.choices) parts.push(d.choices.map(code).join(", "));
  const range = bounds(d.min, d.max);
  if (range) parts.push(range);
  const items = bounds(d.min_items, d.max_items);
  if (items) parts.push(`${items} ${d.min_items === 1 && d.max_items === undefined ? "choice" : "choices"}`);
  if (d.max_length !== undefined) parts.push(`at most ${d.max_length} characters`);
  if (d.pattern !== undefined) parts.push(`matches ${code(d.pattern)}`);
  return parts.join("; ");
}

function bounds(min: number | undefined, max: number | undefined): string {
  if (min !== undefined && max !== undefined) return `${min} to ${max}`;
  if (min !== undefined) return `at least ${min}`;
  if (max !== undefined) return `at most ${max}`;
  return "";
}

/** A condition in words, e.g. "modules includes `detainers` and options.scope is `own`". */
export function describeCondition(cond: Condition): string {
  const nested = (c: Condition): string => ("all" in c || "any" in c ? `(${describeCondition(c)})` : describeCondition(c));
  if ("all" in cond) return cond.all.map(nested).join(" and ");
  if ("any" in cond) return cond.any.map(nested).join(" or ");
  if ("not" in cond) return `not ${nested(cond.not)}`;
  const a = cond.answer;
  if (cond.equals !== undefined) return `${a} is ${code(cond.equals)}`;
  if (cond.in !== undefined) return `${a} is one of ${cond.in.map(code).join(", ")}`;
  if (cond.includes !== undefined) return `${a} includes ${code(cond.includes)}`;
  if (cond.present !== undefined) return cond.present ? `${a} is given` : `${a} is not given`;
  return `${a} (never)`;
}

function code(v: unknown): string {
  const s = String(v);
  return s.includes("`") ? `\`\` ${s} \`\`` : `\`${s}\``;
}

/** Text on one line (YAML block scalars may carry newlines). */
function inline(s: string): string {
  return s.replace(/\s+/g, " ").trim();
}

function cell(s: string): string {
  return inline(s).replace(/\|/g, "\\|");
}

function linkText(s: string): string {
  return inline(s).replace(/([[\]])/g, "\\$1");
}

function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Locale-independent ordering, so every machine writes the same file. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** GitHub-style heading anchors, with -1, -2 ... for repeated headings. */
class Slugger {
  private readonly seen = new Map<string, number>();
  slug(heading: string): string {
    const base = heading
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, "")
      .replace(/\s/g, "-");
    const n = this.seen.get(base);
    this.seen.set(base, (n ?? -1) + 1);
    return n === undefined ? base : `${base}-${n + 1}`;
  }
}
