// The body of `ordkit law`, loaded only when the command runs.
import path from "node:path";
import { UserError } from "../core/errors.js";
import type { LawFlags } from "./law.js";
import type { AuthorityEntry, JurisdictionEntry, LegalData } from "../core/legal/types.js";

export async function runLaw(state: string | undefined, flags: LawFlags): Promise<number> {
  const legal = await import("../core/legal/index.js");
  let data: LegalData = { jurisdictions: [...legal.allJurisdictions()], authorities: [...legal.allAuthorities()] };
  if (flags.data) {
    const { loadLegalData } = await import("../core/legal/load.js");
    data = loadLegalData(path.resolve(flags.data));
  }
  const json = (await import("../writers/formats.js")).resolveFormat("law", { format: flags.format }, "text").name === "json";
  const write = (obj: object, text: string): void => {
    process.stdout.write(json ? `${JSON.stringify({ format: "ordkit-law", format_version: 1, ...obj }, null, 2)}\n` : text);
  };
  let entry: JurisdictionEntry | undefined;
  if (state !== undefined) {
    const wanted = legal.findJurisdiction(state);
    entry = wanted ? data.jurisdictions.find((j) => j.code === wanted.code) : data.jurisdictions.find((j) => j.code === state.toUpperCase() || j.name.toLowerCase() === state.trim().toLowerCase());
    if (!entry) {
      const names = data.jurisdictions.map((j) => j.name);
      const guess = legal.didYouMean(state.toLowerCase(), names.map((n) => n.toLowerCase()));
      throw new UserError({ message: `unknown state or territory "${state}"`, hint: guess ? `did you mean ${names.find((n) => n.toLowerCase() === guess)}?` : "give a postal code or a name; `ordkit law` lists them" }, "usage");
    }
  }

  if (flags.staleAfter !== undefined) {
    if (!/^\d+$/.test(flags.staleAfter)) throw new UserError({ message: `--stale-after must be a whole number of days, got "${flags.staleAfter}"`, hint: "e.g. --stale-after 90" }, "usage");
    const date = flags.date ?? new Date().toISOString().slice(0, 10);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(date))) throw new UserError({ message: `--date must be a date in the form YYYY-MM-DD, got "${date}"` }, "usage");
    const days = Number(flags.staleAfter);
    const old = (asOf: string): number | null => {
      const d = legal.daysBetween(asOf, date);
      return d > days ? d : null;
    };
    const stale = [
      ...data.jurisdictions.filter((j) => !entry || j.code === entry.code).flatMap((j) => (old(j.as_of) === null ? [] : [{ kind: "jurisdiction", id: j.code, name: j.name, as_of: j.as_of, days: old(j.as_of)! }])),
      ...data.authorities.filter((a) => !a.jurisdiction && !entry).flatMap((a) => (old(a.as_of) === null ? [] : [{ kind: "authority", id: a.id, name: a.citation, as_of: a.as_of, days: old(a.as_of)! }])),
    ];
    const lines = stale.map((s) => `${s.kind === "jurisdiction" ? "jurisdiction" : "authority   "}  ${s.id.padEnd(24)} as of ${s.as_of} (${s.days} days)  ${s.name}`);
    write(
      { date, stale_after_days: days, stale },
      `${lines.join("\n")}${lines.length ? "\n" : ""}${stale.length} entr${stale.length === 1 ? "y" : "ies"} not re-checked in the ${days} days before ${date}.${stale.length ? " Re-check each against its sources and update as_of (docs/legal-data.md)." : ""}\n`,
    );
    return stale.length ? 1 : 0;
  }

  if (flags.authorities) {
    const weighed = data.authorities.map((a) => ({ ...a, ...(entry ? { weight: legal.weightIn(a, entry.code) } : {}) }));
    const lines = weighed.map((a) => `${a.id}\n  ${a.citation}\n  ${a.url || "(no url)"}\n  ${bindsText(a)}; as of ${a.as_of}${a.background ? "; background" : ""}${a.weight ? `\n  in ${entry!.name}: ${a.weight.binding ? "BINDING" : "persuasive"}: ${a.weight.reason}` : ""}\n  ${a.holding}`);
    write({ ...(entry ? { state: entry.code } : {}), authorities: weighed }, `${lines.join("\n\n")}\n\n${weighed.length} authorities. Not legal advice.\n`);
    return 0;
  }

  if (entry) {
    write({ jurisdiction: entry, laws: (entry.laws ?? []).map((l) => l.id) }, showJurisdiction(entry, legal.circuitName(entry.circuit)));
    return 0;
  }

  const counts = new Map<string, number>();
  for (const j of data.jurisdictions) counts.set(j.status, (counts.get(j.status) ?? 0) + 1);
  const lines = data.jurisdictions.map((j) => `${j.code}  ${j.name.padEnd(26)} ${(j.circuit ?? "none").padEnd(5)} ${j.status.padEnd(12)} as of ${j.as_of}  ${(j.laws ?? []).length} law(s)`);
  write(
    { jurisdictions: data.jurisdictions.map((j) => ({ code: j.code, name: j.name, kind: j.kind, circuit: j.circuit, status: j.status, as_of: j.as_of, laws: (j.laws ?? []).length })) },
    `${lines.join("\n")}\n${data.jurisdictions.length} jurisdictions: ${[...counts].map(([s, n]) => `${n} ${s}`).join(", ")}. \`ordkit law <state>\` shows one with its sources. Not legal advice.\n`,
  );
  return 0;
}

function bindsText(a: AuthorityEntry): string {
  const b = a.binds;
  if (b.scope === "everywhere") return "binds everywhere";
  if (b.scope === "circuit") return `binds in the ${b.circuit} Circuit`;
  if (b.scope === "state") return a.kind === "bill" ? `a ${a.court} bill (not law)` : `binds in ${a.court}`;
  if (b.scope === "local") return `binds only ${b.place ?? "that place"}`;
  return "persuasive only (binds no other court)";
}

function showJurisdiction(j: JurisdictionEntry, circuit: string): string {
  const out = [`${j.name} (${j.code}), ${j.kind}; federal circuit: ${j.circuit ? circuit : "none"}`, `status: ${j.status} (as of ${j.as_of})`];
  if (j.summary) out.push("", j.summary);
  if (j.laws?.length) {
    out.push("", "Laws:");
    for (const l of j.laws) {
      out.push(`  ${l.id}: ${l.citation}${l.date ? ` (${l.date})` : ""} [${l.kind}]`, `    ${l.effect}`);
      if (l.litigation) out.push(`    litigation: ${l.litigation}`);
      if (l.url) out.push(`    ${l.url}`);
    }
  }
  const modules = Object.entries(j.modules ?? {});
  if (modules.length) out.push("", "Modules:", ...modules.map(([m, v]) => `  ${m}: ${v}`));
  if (j.module_notes) out.push(`  ${j.module_notes}`);
  if (j.pending) out.push("", `Pending: ${j.pending}`);
  if (j.searched) out.push("", `Searched: ${j.searched}`);
  if (j.sources?.length) out.push("", "Sources:", ...j.sources.map((s) => `  ${s.title}\n    ${s.url}`));
  out.push("", "Not legal advice; check for later developments before relying on it.");
  return `${out.join("\n")}\n`;
}
