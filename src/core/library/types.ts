// The clause library as loaded: plain data plus where each piece came from.
import type { Instrument } from "../draft.js";
import type { YamlSource } from "./yaml-source.js";

export type VariableType = "string" | "text" | "integer" | "number" | "boolean" | "date" | "choice" | "multi-choice";

export interface VariableDecl {
  type: VariableType;
  prompt: string;
  help?: string;
  default?: unknown;
  choices?: string[];
  min?: number;
  max?: number;
  pattern?: string;
  /** Said instead of the pattern when a value does not match it ("a two-letter postal code such as CA"). */
  pattern_hint?: string;
  /** The risk of each choice in words, lowest risk first (the interview offers them in this order). */
  choice_risks?: Record<string, string>;
  min_items?: number;
  max_items?: number;
  max_length?: number;
}

export type Condition =
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition }
  | { answer: string; equals?: string | number | boolean; in?: Array<string | number | boolean>; includes?: string | number; present?: boolean };

export interface ParagraphSpec {
  text: string;
  numbered?: boolean;
  when?: Condition;
  children?: ParagraphSpec[];
}

export type ClauseKind = "operative" | "definition" | "finding" | "boilerplate";

export interface Regulates {
  who: string;
  where: string;
  does: string;
}

export interface Clause {
  id: string;
  version: string;
  title: string;
  category: string;
  kind: ClauseKind;
  instruments: Instrument[];
  order: number;
  when?: Condition;
  regulates?: Regulates;
  terms: string[];
  term?: string;
  variables: Record<string, VariableDecl>;
  heading?: string;
  body: ParagraphSpec[];
  /** Known risks, by rule id; a risk may name the authorities it rests on, by id (legal/). */
  risks: Array<{ rule: string; note: string; authorities?: string[] }>;
  replaced_by?: string;
  changelog: Array<{ version: string; note: string }>;
  sources: Array<{ title: string; date?: string; url?: string }>;
  /** Where it was loaded from. */
  source: YamlSource;
  /** sha256 of the file bytes, 16 hex digits. */
  hash: string;
  /** The name of the layer it comes from. */
  layer: string;
  /** The clause of a lower layer this one overrides, if any. */
  overrides?: { layer: string; version: string; file: string };
}

export interface Category {
  id: string;
  title: string;
  subject?: string;
  description?: string;
}

export interface Library {
  dir: string;
  name: string;
  version: string;
  legalAsOf: string;
  categories: Category[];
  options: Record<string, VariableDecl>;
  definitionsHeading: string;
  definitionsIntro: string;
  /** The DOCX page size the library drafts on (library.yaml or a layer's ordkit.yaml `paper`; default letter). */
  paper?: "letter" | "legal" | "a4";
  /** By id, in load order (sorted by path). */
  clauses: Map<string, Clause>;
  manifest: YamlSource;
  /** The layers, lowest (the base library) first. */
  layers: LayerInfo[];
  /** Template directories, lowest first: a higher one's files win by name. */
  templateDirs: string[];
  /** Clauses a layer disabled: id -> the layer's name. */
  disabled: Map<string, string>;
  /** Ids of clause files that could not be read (their problems are reported; references to them are not). */
  unreadable: Set<string>;
}

export interface LayerInfo {
  name: string;
  version: string;
  /** The layer's directory. */
  dir: string;
  /** library: a complete library (library.yaml); layer: an ordkit.yaml over others. */
  kind: "library" | "layer";
  /** library.yaml or ordkit.yaml. */
  file: string;
}
