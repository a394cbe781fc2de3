// What the interview offers for a jurisdiction's offices and kind: the usual
// names of the body, executive and clerk for its kind and state (data:
// `offices:` in interview.yaml), and the kind its name states plainly.
import type { JurisdictionKind } from "../draft.js";

export interface Office {
  body: string;
  executive: string;
  clerk: string;
}

export interface Offices {
  kinds: Partial<Record<JurisdictionKind, Office>>;
  states?: Record<string, Partial<Record<JurisdictionKind, Office>>>;
}

/** The usual office names for a kind of jurisdiction in a state (the state's own names first). */
export function officeFor(offices: Offices | undefined, kind: string | undefined, state: string | undefined): Office | undefined {
  if (!offices || !kind) return undefined;
  const k = kind as JurisdictionKind;
  return (state ? offices.states?.[state]?.[k] : undefined) ?? offices.kinds[k];
}

/**
 * The kind a formal name states plainly: "Cascade County", "County of Marin",
 * "Town of Ashford", "Millbrook Borough". null when it does not, or when it
 * names two kinds ("City and County of Denver").
 */
export function kindFromName(name: string): JurisdictionKind | null {
  const found = new Set([...name.matchAll(/\b(city|county|town|village|borough)\b/gi)].map((m) => m[1]!.toLowerCase()));
  if (found.size !== 1) return null;
  const [kind] = found;
  // The word must be the name's first or last word (not "Town Creek City").
  const words = name.trim().split(/\s+/);
  const first = words[0]!.toLowerCase();
  const last = words[words.length - 1]!.toLowerCase();
  return first === kind || last === kind ? (kind as JurisdictionKind) : null;
}
