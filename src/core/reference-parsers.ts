// ORDKIT_REFERENCE_PARSERS=yaml,handlebars makes ordkit use only the yaml
// package and Handlebars' own parser and compiler, bypassing its fast YAML
// reader and its Handlebars fast path. For measuring what those earn
// (bench/parsers.mjs, docs/performance.md), and for telling whether a
// surprising result comes from one of them: the output must be the same.
const chosen = new Set((process.env.ORDKIT_REFERENCE_PARSERS ?? "").split(",").map((s) => s.trim()));

export const REFERENCE_YAML = chosen.has("yaml");
export const REFERENCE_HANDLEBARS = chosen.has("handlebars");
