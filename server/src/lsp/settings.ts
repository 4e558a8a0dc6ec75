// The `corroborate.*` settings as the server reads them: per resource, tolerant of missing or malformed values.
import type { CueChanges } from '../core/attribution/cues';
import { DEFAULT_MAX_ANALYSIS_CHARS, MIN_MAX_ANALYSIS_CHARS } from '../core/text/limit';

/** The kinds of finding a diagnostic can report; each has its own severity setting. */
export type FindingKind = 'unverifiedClaim' | 'disputed' | 'singleSource' | 'quote' | 'attribution';

export type SeverityName = 'error' | 'warning' | 'information' | 'hint' | 'off';

export interface Settings {
  /** Folders or globs, relative to a workspace folder, whose articles form the corpus. */
  corpus: string[];
  severity: Record<FindingKind, SeverityName>;
  codeLens: { enabled: boolean };
  /** How long typing must pause before the article is re-analysed and its diagnostics refreshed. */
  debounceMs: number;
  /** Documents (open or in the corpus) longer than this are analysed only up to it, so a huge file cannot stall the server. */
  maxAnalysisChars: number;
  /** Changes to the cue lexicon: lemmas added to each kind, or dropped from it with a leading "-". */
  cues: CueChanges;
}

export const FINDING_KINDS: readonly FindingKind[] = ['unverifiedClaim', 'disputed', 'singleSource', 'quote', 'attribution'];

export const DEFAULT_SETTINGS: Settings = {
  corpus: ['seeds'],
  severity: { unverifiedClaim: 'warning', disputed: 'warning', singleSource: 'information', quote: 'hint', attribution: 'hint' },
  codeLens: { enabled: true },
  debounceMs: 50,
  maxAnalysisChars: DEFAULT_MAX_ANALYSIS_CHARS,
  cues: {},
};

const SEVERITIES = new Set<SeverityName>(['error', 'warning', 'information', 'hint', 'off']);

/** Reads the `corroborate` section as a client sends it; anything missing or malformed keeps its default. */
export function parseSettings(raw: unknown, base: Settings = DEFAULT_SETTINGS): Settings {
  return readSettings(raw, base).settings;
}

/**
 * What parseSettings ignored or changed in a `corroborate` section, one sentence each, naming the setting and what
 * was used instead: so a researcher whose editor does not check settings against the schema learns why a value
 * had no effect. Unknown keys are left alone (the client may send settings of newer versions or other tools).
 */
export function settingsProblems(raw: unknown, base: Settings = DEFAULT_SETTINGS): string[] {
  return readSettings(raw, base).problems;
}

const CUE_KINDS: readonly string[] = ['speech', 'belief', 'nouns'];

/** The settings and the problems found reading them, in one pass: each value is judged once, for both. */
export function readSettings(raw: unknown, base: Settings = DEFAULT_SETTINGS): { settings: Settings; problems: string[] } {
  const problems: string[] = [];
  if (raw !== undefined && raw !== null && !isObject(raw)) problems.push(`the corroborate settings are ${describe(raw)}, not an object; the defaults are used`);
  const r = isObject(raw) ? raw : {};
  const given = (key: string) => r[key] !== undefined && r[key] !== null;
  const at = (key: string) => `corroborate.${key}`;

  let corpus = base.corpus;
  if (Array.isArray(r.corpus)) {
    corpus = r.corpus.filter((x): x is string => typeof x === 'string' && x.trim() !== '');
    const bad = r.corpus.length - corpus.length;
    if (bad > 0) problems.push(`${at('corpus')}: ${bad} of ${r.corpus.length} entries are not folder or glob names and are ignored`);
  } else if (given('corpus')) problems.push(`${at('corpus')} is ${describe(r.corpus)}, not a list of folders or globs; ${JSON.stringify(base.corpus)} is used`);

  const severity = { ...base.severity };
  if (isObject(r.severity)) {
    for (const [kind, level] of Object.entries(r.severity)) {
      if (!(FINDING_KINDS as readonly string[]).includes(kind)) problems.push(`${at(`severity.${kind}`)} is not a kind of finding (${FINDING_KINDS.join(', ')}); ignored`);
      else if (typeof level === 'string' && SEVERITIES.has(level.toLowerCase() as SeverityName)) severity[kind as FindingKind] = level.toLowerCase() as SeverityName;
      else problems.push(`${at(`severity.${kind}`)} is ${describe(level)}, not one of ${[...SEVERITIES].join(', ')}; "${base.severity[kind as FindingKind]}" is used`);
    }
  } else if (given('severity')) problems.push(`${at('severity')} is ${describe(r.severity)}, not an object; the default severities are used`);

  let lens = base.codeLens.enabled;
  if (isObject(r.codeLens) && typeof r.codeLens.enabled === 'boolean') lens = r.codeLens.enabled;
  else if (given('codeLens') && !(isObject(r.codeLens) && r.codeLens.enabled === undefined)) problems.push(`${at('codeLens.enabled')} must be true or false; ${base.codeLens.enabled} is used`);

  let debounceMs = base.debounceMs;
  if (typeof r.debounceMs === 'number' && Number.isFinite(r.debounceMs)) {
    debounceMs = Math.max(0, Math.min(r.debounceMs, 60_000));
    if (debounceMs !== r.debounceMs) problems.push(`${at('debounceMs')} ${r.debounceMs} is outside 0–60000; ${debounceMs} is used`);
  } else if (given('debounceMs')) problems.push(`${at('debounceMs')} is ${describe(r.debounceMs)}, not a number of milliseconds; ${base.debounceMs} is used`);

  let maxAnalysisChars = base.maxAnalysisChars;
  const max = r.maxAnalysisChars;
  if (typeof max === 'number' && Number.isFinite(max)) {
    maxAnalysisChars = Math.max(MIN_MAX_ANALYSIS_CHARS, Math.floor(max));
    if (max < MIN_MAX_ANALYSIS_CHARS) problems.push(`${at('maxAnalysisChars')} ${max} is below the smallest allowed, ${MIN_MAX_ANALYSIS_CHARS}, which is used`);
  } else if (given('maxAnalysisChars')) problems.push(`${at('maxAnalysisChars')} is ${describe(max)}, not a number of characters; ${base.maxAnalysisChars} is used`);

  let cues = base.cues;
  if (isObject(r.cues)) {
    const changes: Record<string, string[]> = {};
    for (const [kind, words] of Object.entries(r.cues)) {
      if (!CUE_KINDS.includes(kind)) problems.push(`${at(`cues.${kind}`)} is not a list the lexicon has (${CUE_KINDS.join(', ')}); ignored`);
      else if (!Array.isArray(words)) problems.push(`${at(`cues.${kind}`)} is ${describe(words)}, not a list of words; ignored`);
      else {
        const kept = words.filter((w): w is string => typeof w === 'string' && w.trim() !== '');
        if (kept.length < words.length) problems.push(`${at(`cues.${kind}`)}: ${words.length - kept.length} of ${words.length} entries are not words and are ignored`);
        changes[kind] = kept.map((w) => w.trim().toLowerCase());
      }
    }
    cues = changes as CueChanges;
  } else if (given('cues')) problems.push(`${at('cues')} is ${describe(r.cues)}, not an object with lists speech, belief, nouns; the built-in cues are used`);

  return { settings: { corpus, severity, codeLens: { enabled: lens }, debounceMs, maxAnalysisChars, cues }, problems };
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

// A value as a reader would name it in a message: a short JSON rendering, or its type.
function describe(x: unknown): string {
  if (Array.isArray(x)) return 'a list';
  if (isObject(x)) return 'an object';
  const json = JSON.stringify(x) ?? String(x);
  return json.length > 40 ? `${typeof x} ${json.slice(0, 37)}…` : json;
}
