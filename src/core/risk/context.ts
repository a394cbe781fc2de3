// What the risk engine knows about where a draft will be adopted: the state,
// its federal circuit, the instrument, and the state's law on local limits to
// cooperation with federal immigration enforcement. The facts come from
// legal/jurisdictions.yaml (src/core/legal).
import type { Instrument } from "../draft.js";
import { INSTRUMENTS } from "../draft.js";

/**
 * What `check` may be told a draft is: the instruments ordkit drafts, and a
 * state statute, which the reader reads at the state's own level (the state's
 * agencies and its local governments are the enactor's own).
 */
export type CheckInstrument = Instrument | "statute";
export const CHECK_INSTRUMENTS: readonly CheckInstrument[] = [...INSTRUMENTS, "statute"];
import { UserError } from "../errors.js";
import { circuitName, findJurisdiction, jurisdiction, type LawStatus, type ModuleId, type Verdict } from "../legal/index.js";

export { circuitName };
export type StateLawStatus = LawStatus;

export interface StateLaw {
  status: StateLawStatus;
  /** "Texas law" style name for messages; "" when no state is known. */
  law: string;
  /** The entry's summary in plain words ("" when none). */
  effect: string;
  /** Ids of the state's laws: authorities that bind in that state (bills left out). */
  ids: string[];
  /** What the state's law means for each module, where known. */
  modules: Partial<Record<ModuleId, Verdict>>;
  /** The as-of date of the state's entry, or null when no state is known. */
  as_of: string | null;
}

export interface RiskContext {
  /** Postal code, upper case, or null when not known. */
  state: string | null;
  /** "1st" ... "11th", "DC", or null when the state is unknown (or has no circuit). */
  circuit: string | null;
  instrument: CheckInstrument;
  /** Answers about the jurisdiction's existing rules (answers `existing`). */
  existing: Record<string, unknown>;
  stateLaw: StateLaw;
}

export function circuitFor(state: string | null | undefined): string | null {
  return jurisdiction(state)?.circuit ?? null;
}

/** The state's law as the rules use it; "unknown" for no state: ordkit never assumes there is no preemption. */
export function stateLawFor(state: string | null | undefined): StateLaw {
  const j = jurisdiction(state);
  if (!j) return { status: "unknown", law: "", effect: "", ids: [], modules: {}, as_of: null };
  return {
    status: j.status,
    law: `${j.name} law`,
    effect: j.summary ?? "",
    ids: (j.laws ?? []).filter((l) => l.kind !== "bill").map((l) => l.id),
    modules: { ...(j.modules ?? {}) },
    as_of: j.as_of,
  };
}

export interface ContextInput {
  /** A postal code or a full name ("MN", "Minnesota"). */
  state?: string | null;
  instrument: CheckInstrument;
  existing?: Record<string, unknown> | null;
}

/**
 * Builds the context. A state not in legal/jurisdictions.yaml is a
 * UserError; an absent state gives state and circuit null and an "unknown"
 * state law.
 */
export function buildContext(input: ContextInput): RiskContext {
  if (!CHECK_INSTRUMENTS.includes(input.instrument)) {
    throw new UserError({ message: `unknown instrument "${String(input.instrument)}"`, hint: `use one of: ${CHECK_INSTRUMENTS.join(", ")}` }, "usage");
  }
  let state: string | null = null;
  if (input.state !== undefined && input.state !== null && input.state !== "") {
    const j = findJurisdiction(String(input.state));
    if (!j) throw new UserError({ message: `unknown state "${input.state}"`, hint: "give a postal code or a full name, e.g. MN or Minnesota (`ordkit law` lists them)" }, "usage");
    state = j.code;
  }
  return {
    state,
    circuit: circuitFor(state),
    instrument: input.instrument,
    existing: { ...(input.existing ?? {}) },
    stateLaw: stateLawFor(state),
  };
}
