// `check --explain`: the provision frames the rules read, in reading order,
// so a reviewer can see why a note fired (or did not).
import type { Draft } from "../draft.js";
import type { CheckInstrument } from "./context.js";
import { frameOf, modelFor } from "./model.js";
import { frameJson } from "./read/frame.js";

export function explainFrames(draft: Draft, reading: { instrument: CheckInstrument; state: string | null }): Array<Record<string, unknown>> {
  const m = modelFor(draft, reading);
  return m.units.map((u) => frameJson(frameOf(u)));
}
