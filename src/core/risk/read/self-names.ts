// The enactor's own names: "City employees", "Mounds View Police Department",
// or for a statute "State agencies" and its local governments.
// ---------------------------------------------------------------------------
// Self names
import type { ActorClass, SelfNames } from "./types.js";
import { KIND_WORDS, escapeRe } from "./text.js";
import { BoundedCache } from "./cache.js";
import type { JurisdictionKind } from "../../draft.js";
import { native } from "./native.js";

/** The enactor's names in a state statute: "State", "the State of California", "California". */
export function stateSelfNames(stateName: string | null): SelfNames {
  return { kind: null, level: "state", names: stateName ? ["State", stateName] : ["State"] };
}

export function selfNamesFor(j: { name?: string; kind?: JurisdictionKind | string | null } | null | undefined): SelfNames {
  const kind = (j?.kind && KIND_WORDS.map((k) => k.toLowerCase()).includes(String(j.kind)) ? (j.kind as JurisdictionKind) : null);
  const names = new Set<string>();
  if (kind) names.add(kind[0]!.toUpperCase() + kind.slice(1));
  else for (const k of KIND_WORDS) names.add(k);
  const name = (j?.name ?? "").trim();
  if (name) {
    const short = name.replace(/^(?:the\s+)?(?:City|County|Town|Village|Borough|City\s+and\s+County)\s+of\s+/i, "").trim();
    if (short && short.length > 2) names.add(short);
  }
  return { kind, names: [...names] };
}


/**
 * Regex lists built from the jurisdiction's names. A batch reads one
 * jurisdiction after another, so a few recent ones are kept, never all of
 * them (a cache keyed by jurisdiction grew with every row of a batch).
 */
export const selfRegexes = new BoundedCache<string, { own: RegExp[]; sheriff: Array<{ re: RegExp; cls: ActorClass }>; facility: RegExp[] }>(8);
export function selfRes(self: SelfNames): { own: RegExp[]; sheriff: Array<{ re: RegExp; cls: ActorClass }>; facility: RegExp[] } {
  const key = `${self.level ?? ""}\u0000${self.kind ?? ""}\u0000${self.names.join("\u0000")}`;
  return selfRegexes.get(key, () => ({ own: ownRes(self).map(native), sheriff: sheriffRes(self).map((s) => ({ ...s, re: native(s.re) })), facility: facilityRes(self).map(native) }));
}

export function ownRes(self: SelfNames): RegExp[] {
  const names = self.names.map(escapeRe).join("|");
  const kind = self.level === "state" ? "State" : self.kind ? escapeRe(self.kind[0]!.toUpperCase() + self.kind.slice(1)) : KIND_WORDS.join("|");
  const nouns =
    "law[- ]enforcement(?:\\s+(?:agenc(?:y|ies)|officers?|officials?|personnel|authorities))?|police(?:\\s+(?:department|officers?|personnel|chief))?|sheriff(?:'s|’s)?(?:\\s+(?:office|department|deputies))?|departments?|agenc(?:y|ies)|employees?|(?:peace\\s+)?officers?|officials?|personnel|staff|workers?|boards?|commissions?|contractors?|attorney|manager|administrator|chief\\s+of\\s+police";
  return [
    new RegExp(`\\b(?:the\\s+|any\\s+|no\\s+|each\\s+|every\\s+|all\\s+)?(?:${names})(?:'s|’s)?(?:\\s+(?:and\\s+its\\s+)?(?:${nouns}))(?:\\s*,\\s*(?:(?:or|and)\\s+)?(?:${nouns}))*\\b`, "gi"),
    new RegExp(`\\b(?:officers?|employees?|members?|personnel|agents?|officials?|staff|departments?|agenc(?:y|ies)|deputies)\\s+(?:of|employed\\s+by)\\s+(?:the\\s+)?(?:${names}|${kind})(?:\\s+of\\s+[A-Z][\\w.'’ -]*?)?(?=\\W|$)(?:(?:'s|’s)?\\s+(?:police\\s+department|sheriff(?:'s|’s)?\\s+office))?`, "gi"),
    new RegExp(`\\b[Tt]he\\s+(?:${kind})(?=\\s+(?:shall|must|may|will|does|is|and\\s+its))`, "g"),
    new RegExp(`\\b(?:the\\s+)?Chief\\s+of\\s+Police\\b|\\bthe\\s+Police\\s+Department\\b|\\bthe\\s+Department\\s+of\\s+Police\\b`, "g"),
    ...(self.level === "state" ? STATE_OWN_RES : []),
  ];
}

/**
 * In a state statute, the state's agencies and its local governments (its
 * political subdivisions) are the enactor's own: "a local law enforcement
 * agency", "an agency of the State or of a unit of local government".
 */
export const STATE_OWN_RES: RegExp[] = [
  // "a uniformed police officer in a county, city or other municipality": the state's local officers.
  native(/\b(?:(?:a|any|the|each|every)\s+)?(?:uniformed\s+)?(?:police|peace)\s+officers?\b(?=[^.;]{0,60}\b(?:in|of|employed\s+by)\s+(?:a|any|the)\s+(?:county|city|municipality|township|borough|town|political\s+subdivision)\b)/gi),
  // "peace officer" is a state-law status (officers certified under the state's law): federal agents are not peace officers.
  native(/\b(?:(?:any|a|an|each|every|no|all|the|such)\s+)?(?<!federal\s)(?:peace|public\s+safety|police)\s+officers?\b(?!\s+(?:of|from)\s+(?:another|other)\b)/gi),
  native(/\b(?:(?:any|a|an|each|every|no|all|the)\s+)?(?<!\bnon-?)(?:(?:state|local|county|municipal|city|school\s+district|campus)\s+(?:(?:or|and|and\/or)\s+(?:state|local|county|municipal|city)\s+)?)(?:law[- ]enforcement\s+|government(?:al)?\s+|correctional\s+)?(?:agenc(?:y|ies)|officers?|officials?|personnel|employees?|entit(?:y|ies)|departments?|governments?|police(?:\s+departments?)?|facilit(?:y|ies)|jails?|sheriffs?|courts?)\b/gi),
  native(/\b(?:(?:any|a|an|each|every|no|all|the)\s+)?(?:municipalit(?:y|ies)|units?\s+of\s+local\s+government|political\s+subdivisions?(?:\s+of\s+(?:the|this)\s+[Ss]tate)?|(?:agenc(?:y|ies)|officers?|employees?|officials?)\s+of\s+(?:the|this)\s+[Ss]tate(?:\s+or\s+(?:of\s+)?(?:a|any)\s+(?:unit\s+of\s+local\s+government|political\s+subdivision)(?:\s+thereof)?)?|(?:sheriffs?|jailers?|county\s+jails?))\b/gi),
];

export function sheriffRes(self: SelfNames): Array<{ re: RegExp; cls: ActorClass }> {
  const re = /\b(?:the\s+)?(?:County\s+)?Sheriff(?:'s|’s)?(?:\s+(?:Office|Department|deputies))?\b|\bdeputy\s+sheriffs?\b/gi;
  return [{ re, cls: self.kind === "county" ? "own-personnel" : "other-local-officers" }];
}

export function facilityRes(self: SelfNames): RegExp[] {
  const names = self.names.map(escapeRe).join("|");
  return [
    new RegExp(
      `\\b(?:${names})(?:-owned|'s|’s)?\\s+(?:property|properties|facilit(?:y|ies)|buildings?|premises|lots?|parking\\s+(?:lots?|garages?|facilities)|garages?|land|offices?|real\\s+property|schools?|airports?)\\b`,
      "gi",
    ),
    /\bproperty\s+(?:that\s+is\s+)?(?:owned|leased|controlled|operated|managed)\b|\bparking\s+(?:lots?|garages?|structures?)\b|\bvacant\s+lots?\b|\bgarages?\b|\bfacilit(?:y|ies)\b|\bbuildings?\b|\bschools?\b|\blibrar(?:y|ies)\b|\bpremises\b|\bairports?\b|\bproperty\b/gi,
  ];
}

