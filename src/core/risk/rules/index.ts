// The registry of risk rules. A new rule: add src/core/risk/rules/<id>.ts
// (meta + check), one line here, docs/rules/<id>.md, and fixtures under
// test/risk/fixtures/<id>/ (the contract test checks all four), then
// `npm run gen:legal` (the page's authority list and rule-ids.generated.ts).
import type { Rule } from "../types.js";
import * as narrowTargeting from "./narrow-targeting.js";
import * as exemptsComparableOfficers from "./exempts-comparable-officers.js";
import * as directRegulation from "./direct-regulation.js";
import * as publicSpaceExclusion from "./public-space-exclusion.js";
import * as immigrationPurposeCarveout from "./immigration-purpose-carveout.js";
import * as statusSharingRestriction from "./status-sharing-restriction.js";
import * as statePreemption from "./state-preemption.js";
import * as penaltyOnFederalOfficers from "./penalty-on-federal-officers.js";
import * as hostileRecital from "./hostile-recital.js";
import * as missingSeverability from "./missing-severability.js";
import * as missingFederalSavingsClause from "./missing-federal-savings-clause.js";
import * as executiveOrderOverreach from "./executive-order-overreach.js";
import * as foiaCadenceOverlap from "./foia-cadence-overlap.js";
import * as undefinedTerm from "./undefined-term.js";
import * as civilLiabilityOnFederalOfficers from "./civil-liability-on-federal-officers.js";
import * as contractorDiscrimination from "./contractor-discrimination.js";
import * as regulatoryPurposeFinding from "./regulatory-purpose-finding.js";
import * as outsideAgencyMandate from "./outside-agency-mandate.js";
import * as bufferZone from "./buffer-zone.js";
import * as jurisdictionOfficeNames from "./jurisdiction-office-names.js";

export const RULES: readonly Rule[] = Object.freeze([
  narrowTargeting,
  exemptsComparableOfficers,
  directRegulation,
  publicSpaceExclusion,
  immigrationPurposeCarveout,
  statusSharingRestriction,
  statePreemption,
  penaltyOnFederalOfficers,
  hostileRecital,
  missingSeverability,
  missingFederalSavingsClause,
  executiveOrderOverreach,
  foiaCadenceOverlap,
  undefinedTerm,
  civilLiabilityOnFederalOfficers,
  contractorDiscrimination,
  regulatoryPurposeFinding,
  outsideAgencyMandate,
  bufferZone,
  jurisdictionOfficeNames,
]);

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.meta.id === id);
}
