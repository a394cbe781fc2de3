// What the risk engine knows about where a draft will be adopted: the state,
// its federal circuit, the instrument, and the state's law on local limits to
// cooperation with federal immigration enforcement (legal-landscape §1.9, §4).
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

export type StateLawStatus = "bars-limits" | "protective" | "none-known" | "unknown";

export interface StateLaw {
  status: StateLawStatus;
  /** The statute or directive, e.g. "SB 4 (2017)"; "" when not researched. */
  law: string;
  /** One line on its effect on a local drafter ("" when unknown). */
  effect: string;
}

export interface RiskContext {
  /** Two-letter postal code, upper case, or null when not known. */
  state: string | null;
  /** "1st" ... "11th", "DC", or null when the state is unknown. */
  circuit: string | null;
  instrument: CheckInstrument;
  /** Answers about the jurisdiction's existing rules (answers `existing`). */
  existing: Record<string, unknown>;
  stateLaw: StateLaw;
}

/** Which federal circuit each state and territory sits in (legal-landscape §1.9). */
export const STATE_CIRCUITS: Readonly<Record<string, string>> = Object.freeze({
  ME: "1st", MA: "1st", NH: "1st", RI: "1st", PR: "1st",
  CT: "2nd", NY: "2nd", VT: "2nd",
  DE: "3rd", NJ: "3rd", PA: "3rd", VI: "3rd",
  MD: "4th", NC: "4th", SC: "4th", VA: "4th", WV: "4th",
  LA: "5th", MS: "5th", TX: "5th",
  KY: "6th", MI: "6th", OH: "6th", TN: "6th",
  IL: "7th", IN: "7th", WI: "7th",
  AR: "8th", IA: "8th", MN: "8th", MO: "8th", NE: "8th", ND: "8th", SD: "8th",
  AK: "9th", AZ: "9th", CA: "9th", HI: "9th", ID: "9th", MT: "9th", NV: "9th", OR: "9th", WA: "9th", GU: "9th", MP: "9th",
  CO: "10th", KS: "10th", NM: "10th", OK: "10th", UT: "10th", WY: "10th",
  AL: "11th", FL: "11th", GA: "11th",
  DC: "DC",
});

/**
 * State law on local limits to cooperation (legal-landscape §4). Every state
 * not listed is "unknown": ordkit never assumes there is no preemption.
 */
export const STATE_LAWS: Readonly<Record<string, StateLaw>> = Object.freeze({
  TX: { status: "bars-limits", law: "Texas SB 4 (2017)", effect: "bars policies that \"materially limit\" immigration enforcement, makes detainers mandatory, and provides fines and removal from office (upheld in City of El Cenizo v. Texas, 890 F.3d 164 (5th Cir. 2018))" },
  FL: { status: "bars-limits", law: "Florida SB 168 (2019) and SB 2-C (2025)", effect: "bans sanctuary policies, requires honoring detainers, and has a state board monitor localities" },
  TN: { status: "bars-limits", law: "Tennessee's 2025 special-session law", effect: "makes voting for a sanctuary policy a Class E felony for officials and provides removal from office" },
  GA: { status: "bars-limits", law: "Georgia HB 1105 (2024)", effect: "requires jails to cooperate with ICE, bars sanctuary policies, and puts state funds at risk" },
  IA: { status: "bars-limits", law: "Iowa Code ch. 27A (2018)", effect: "bans policies that \"discourage\" enforcement, makes detainers mandatory, and withholds funds" },
  NC: { status: "bars-limits", law: "North Carolina HB 10 (2024) and HB 318 (2025)", effect: "requires sheriffs to check status, notify ICE, and hold people up to 48 hours" },
  LA: { status: "bars-limits", law: "Louisiana SB 208 (2024)", effect: "bans sanctuary policies and requires honoring detainers, enforced by the Attorney General" },
  MO: { status: "bars-limits", law: "RSMo 67.307", effect: "bans sanctuary policies on pain of losing state grants" },
  IN: { status: "bars-limits", law: "IC 5-2-18.2", effect: "bars restrictions on cooperation and lets any resident sue to compel compliance" },
  NH: { status: "bars-limits", law: "New Hampshire's 2025 sanctuary-ban law (bill numbers unverified)", effect: "bans sanctuary policies" },
  CA: { status: "protective", law: "California SB 54 (2017)", effect: "sets a state floor of limits on cooperation (upheld, United States v. California, 921 F.3d 865 (9th Cir. 2019))" },
  IL: { status: "protective", law: "Illinois TRUST Act; HB 1312 (2025)", effect: "limits cooperation and bars civil arrests at courthouses" },
  WA: { status: "protective", law: "Keep Washington Working Act (2019)", effect: "limits data sharing and jail access and bans 287(g) agreements" },
  NJ: { status: "protective", law: "New Jersey AG Directive 2018-6", effect: "limits access to non-public data and property and bans 287(g) agreements (upheld, Ocean County v. Att'y Gen. of N.J., 8 F.4th 176 (3d Cir. 2021))" },
  MD: { status: "protective", law: "Maryland HB 444 / SB 245 (2026)", effect: "bans 287(g) agreements" },
});

const UNKNOWN_LAW: StateLaw = Object.freeze({ status: "unknown", law: "", effect: "" }) as StateLaw;

export function circuitFor(state: string | null | undefined): string | null {
  if (!state) return null;
  return STATE_CIRCUITS[state.toUpperCase()] ?? null;
}

export function stateLawFor(state: string | null | undefined): StateLaw {
  if (!state) return { ...UNKNOWN_LAW };
  return { ...(STATE_LAWS[state.toUpperCase()] ?? UNKNOWN_LAW) };
}

/** "the Ninth Circuit" style name for messages. */
export function circuitName(circuit: string | null): string {
  if (!circuit) return "an unknown circuit";
  if (circuit === "DC") return "the D.C. Circuit";
  const words: Record<string, string> = {
    "1st": "First", "2nd": "Second", "3rd": "Third", "4th": "Fourth", "5th": "Fifth", "6th": "Sixth",
    "7th": "Seventh", "8th": "Eighth", "9th": "Ninth", "10th": "Tenth", "11th": "Eleventh",
  };
  return `the ${words[circuit] ?? circuit} Circuit`;
}

export interface ContextInput {
  state?: string | null;
  instrument: CheckInstrument;
  existing?: Record<string, unknown> | null;
}

/**
 * Builds the context. A state that is not a known two-letter code is a
 * UserError; an absent state gives state and circuit null and an "unknown"
 * state law.
 */
export function buildContext(input: ContextInput): RiskContext {
  if (!CHECK_INSTRUMENTS.includes(input.instrument)) {
    throw new UserError({ message: `unknown instrument "${String(input.instrument)}"`, hint: `use one of: ${CHECK_INSTRUMENTS.join(", ")}` }, "usage");
  }
  let state: string | null = null;
  if (input.state !== undefined && input.state !== null && input.state !== "") {
    const s = String(input.state).trim().toUpperCase();
    if (!STATE_CIRCUITS[s]) {
      throw new UserError({ message: `unknown state "${input.state}"`, hint: "give the two-letter postal code, e.g. CA, TX, NY" }, "usage");
    }
    state = s;
  }
  return {
    state,
    circuit: circuitFor(state),
    instrument: input.instrument,
    existing: { ...(input.existing ?? {}) },
    stateLaw: stateLawFor(state),
  };
}
