// Declarative conditions (`when`) evaluated against the answers.
import type { Condition } from "./library-types.js";

export function getPath(data: unknown, dotted: string): unknown {
  let cur: unknown = data;
  for (const part of dotted.split(".")) {
    if (cur === null || typeof cur !== "object" || !Object.prototype.hasOwnProperty.call(cur, part)) return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

export function holds(cond: Condition | undefined, data: unknown): boolean {
  if (!cond) return true;
  if ("all" in cond) return cond.all.every((c) => holds(c, data));
  if ("any" in cond) return cond.any.some((c) => holds(c, data));
  if ("not" in cond) return !holds(cond.not, data);
  const v = getPath(data, cond.answer);
  if (cond.equals !== undefined) return v === cond.equals;
  if (cond.in !== undefined) return cond.in.includes(v as string);
  if (cond.includes !== undefined) return Array.isArray(v) && v.includes(cond.includes);
  if (cond.present !== undefined) return (v !== undefined && v !== null && v !== "" && v !== false) === cond.present;
  return false;
}
