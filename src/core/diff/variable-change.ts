// How a change to a variable's declaration affects the answers people already
// wrote: a change that may refuse an answer valid before, or leave an answer
// missing, is major; one that only accepts more answers or changes what an
// absent answer means is minor; wording (prompt, help) is a patch.
import { levelRank, type Level } from "./model.js";

type Decl = Record<string, unknown>;

interface Finding {
  level: Level;
  reason: string;
}

/** Lower bounds: lowering or dropping accepts more; raising or adding may refuse old answers. */
const LOWER = ["min", "min_items"] as const;
/** Upper bounds: raising or dropping accepts more; lowering or adding may refuse old answers. */
const UPPER = ["max", "max_items", "max_length"] as const;
/** Type changes that accept every answer the old type did. */
const WIDENING = new Set(["integer>number", "string>text"]);

function num(v: unknown): number | undefined {
  return typeof v === "number" ? v : undefined;
}

function bound(name: string, key: string, o: number | undefined, n: number | undefined, lower: boolean): Finding | null {
  if (o === n) return null;
  const shown = `${key} ${o ?? "none"} → ${n ?? "none"}`;
  const widens = n === undefined || (o !== undefined && (lower ? n < o : n > o));
  return widens
    ? { level: "minor", reason: `${shown} (accepts more answers)` }
    : { level: "major", reason: `${shown} (answers valid before may be refused)` };
}

/** Every effect of a variable's change, most serious first (reasons read after "variable NAME: "). */
export function variableChanges(name: string, o: Decl | null, n: Decl | null): Finding[] {
  if (!o && !n) return [];
  if (!o) return [n && "default" in n ? { level: "minor", reason: `added with a default` } : { level: "major", reason: `added without a default (answers must now give it)` }];
  if (!n) return [{ level: "major", reason: `removed (answers that give it are refused)` }];
  const out: Finding[] = [];
  if (o.type !== n.type) {
    const widening = WIDENING.has(`${String(o.type)}>${String(n.type)}`);
    out.push({ level: widening ? "minor" : "major", reason: `retyped (${String(o.type)} → ${String(n.type)})${widening ? " (accepts more answers)" : ""}` });
  }
  const oc = Array.isArray(o.choices) ? (o.choices as string[]) : [];
  const nc = Array.isArray(n.choices) ? (n.choices as string[]) : [];
  const removed = oc.filter((c) => !nc.includes(c));
  const added = nc.filter((c) => !oc.includes(c));
  if (removed.length) out.push({ level: "major", reason: `choices removed (${removed.join(", ")})` });
  if (added.length) out.push({ level: "minor", reason: `choices added (${added.join(", ")})` });
  for (const k of LOWER) {
    const f = bound(name, k, num(o[k]), num(n[k]), true);
    if (f) out.push(f);
  }
  for (const k of UPPER) {
    const f = bound(name, k, num(o[k]), num(n[k]), false);
    if (f) out.push(f);
  }
  if (o.pattern !== n.pattern) {
    out.push(n.pattern === undefined ? { level: "minor", reason: `pattern removed (accepts more answers)` } : { level: "major", reason: `pattern ${o.pattern === undefined ? "added" : "changed"} (answers valid before may be refused)` });
  }
  const od = "default" in o;
  const nd = "default" in n;
  if (od && !nd) out.push({ level: "major", reason: `default removed (answers that left it out now lack it)` });
  else if (!od && nd) out.push({ level: "minor", reason: `default added (answers may now leave it out)` });
  else if (od && JSON.stringify(o.default) !== JSON.stringify(n.default)) out.push({ level: "minor", reason: `default ${JSON.stringify(o.default)} → ${JSON.stringify(n.default)} (drafts that left it out change)` });
  for (const k of ["prompt", "help"]) {
    if (JSON.stringify(o[k]) !== JSON.stringify(n[k])) out.push({ level: "patch", reason: `${k} reworded` });
  }
  const known = new Set(["type", "choices", "pattern", "default", "prompt", "help", ...LOWER, ...UPPER]);
  for (const k of new Set([...Object.keys(o), ...Object.keys(n)])) {
    if (!known.has(k) && JSON.stringify(o[k]) !== JSON.stringify(n[k])) out.push({ level: "minor", reason: `${k} changed` });
  }
  return out.sort((a, b) => levelRank(b.level) - levelRank(a.level));
}
