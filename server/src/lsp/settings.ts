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
  const r = isObject(raw) ? raw : {};
  const severity = { ...base.severity };
  const rawSeverity = isObject(r.severity) ? r.severity : {};
  for (const kind of FINDING_KINDS) {
    const v = rawSeverity[kind];
    if (typeof v === 'string' && SEVERITIES.has(v.toLowerCase() as SeverityName)) severity[kind] = v.toLowerCase() as SeverityName;
  }
  const corpus = Array.isArray(r.corpus) ? r.corpus.filter((x): x is string => typeof x === 'string' && x.trim() !== '') : base.corpus;
  const lens = isObject(r.codeLens) && typeof r.codeLens.enabled === 'boolean' ? r.codeLens.enabled : base.codeLens.enabled;
  const debounce = typeof r.debounceMs === 'number' && Number.isFinite(r.debounceMs) ? Math.max(0, Math.min(r.debounceMs, 60_000)) : base.debounceMs;
  const max = r.maxAnalysisChars;
  const maxAnalysisChars = typeof max === 'number' && Number.isFinite(max) ? Math.max(MIN_MAX_ANALYSIS_CHARS, Math.floor(max)) : base.maxAnalysisChars;
  const cues: CueChanges = {};
  const rawCues = isObject(r.cues) ? r.cues : {};
  for (const kind of ['speech', 'belief', 'nouns'] as const) {
    const words = rawCues[kind];
    if (Array.isArray(words)) cues[kind] = words.filter((w): w is string => typeof w === 'string' && w.trim() !== '').map((w) => w.trim().toLowerCase());
  }
  return { corpus, severity, codeLens: { enabled: lens }, debounceMs: debounce, maxAnalysisChars, cues: isObject(r.cues) ? cues : base.cues };
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

const CUE_KINDS = ['speech', 'belief', 'nouns'] as const;
const KNOWN = new Set(['corpus', 'severity', 'codeLens', 'debounceMs', 'maxAnalysisChars', 'cues']);

/**
 * What parseSettings ignored or changed in a `corroborate` section, one sentence each, naming the setting and what
 * was used instead: so a researcher whose editor does not check settings against the schema learns why a value
 * had no effect. Unknown keys are left alone (the client may send settings of newer versions or other tools).
 */
export function settingsProblems(raw: unknown, base: Settings = DEFAULT_SETTINGS): string[] {
  if (raw === undefined || raw === null) return [];
  if (!isObject(raw)) return [`the corroborate settings are ${describe(raw)}, not an object; the defaults are used`];
  const problems: string[] = [];
  const at = (key: string) => `corroborate.${key}`;
  const present = (key: string) => key in raw && raw[key] !== undefined && raw[key] !== null && KNOWN.has(key);
  if (present('corpus')) {
    const v = raw.corpus;
    if (!Array.isArray(v)) problems.push(`${at('corpus')} is ${describe(v)}, not a list of folders or globs; ${JSON.stringify(base.corpus)} is used`);
    else {
      const bad = v.filter((x) => typeof x !== 'string' || x.trim() === '').length;
      if (bad > 0) problems.push(`${at('corpus')}: ${bad} of ${v.length} entries are not folder or glob names and are ignored`);
    }
  }
  if (present('severity')) {
    const v = raw.severity;
    if (!isObject(v)) problems.push(`${at('severity')} is ${describe(v)}, not an object; the default severities are used`);
    else
      for (const [kind, level] of Object.entries(v)) {
        if (!(FINDING_KINDS as readonly string[]).includes(kind)) problems.push(`${at(`severity.${kind}`)} is not a kind of finding (${FINDING_KINDS.join(', ')}); ignored`);
        else if (typeof level !== 'string' || !SEVERITIES.has(level.toLowerCase() as SeverityName))
          problems.push(`${at(`severity.${kind}`)} is ${describe(level)}, not one of ${[...SEVERITIES].join(', ')}; "${base.severity[kind as FindingKind]}" is used`);
      }
  }
  if (present('codeLens') && !(isObject(raw.codeLens) && (raw.codeLens.enabled === undefined || typeof raw.codeLens.enabled === 'boolean')))
    problems.push(`${at('codeLens.enabled')} must be true or false; ${base.codeLens.enabled} is used`);
  if (present('debounceMs')) {
    const v = raw.debounceMs;
    if (typeof v !== 'number' || !Number.isFinite(v)) problems.push(`${at('debounceMs')} is ${describe(v)}, not a number of milliseconds; ${base.debounceMs} is used`);
    else if (v < 0 || v > 60_000) problems.push(`${at('debounceMs')} ${v} is outside 0–60000; ${Math.max(0, Math.min(v, 60_000))} is used`);
  }
  if (present('maxAnalysisChars')) {
    const v = raw.maxAnalysisChars;
    if (typeof v !== 'number' || !Number.isFinite(v)) problems.push(`${at('maxAnalysisChars')} is ${describe(v)}, not a number of characters; ${base.maxAnalysisChars} is used`);
    else if (v < MIN_MAX_ANALYSIS_CHARS) problems.push(`${at('maxAnalysisChars')} ${v} is below the smallest allowed, ${MIN_MAX_ANALYSIS_CHARS}, which is used`);
  }
  if (present('cues')) {
    const v = raw.cues;
    if (!isObject(v)) problems.push(`${at('cues')} is ${describe(v)}, not an object with lists speech, belief, nouns; the built-in cues are used`);
    else
      for (const [kind, words] of Object.entries(v)) {
        if (!(CUE_KINDS as readonly string[]).includes(kind)) problems.push(`${at(`cues.${kind}`)} is not a list the lexicon has (${CUE_KINDS.join(', ')}); ignored`);
        else if (!Array.isArray(words)) problems.push(`${at(`cues.${kind}`)} is ${describe(words)}, not a list of words; ignored`);
        else {
          const bad = words.filter((w) => typeof w !== 'string' || w.trim() === '').length;
          if (bad > 0) problems.push(`${at(`cues.${kind}`)}: ${bad} of ${words.length} entries are not words and are ignored`);
        }
      }
  }
  return problems;
}

// A value as a reader would name it in a message: a short JSON rendering, or its type.
function describe(x: unknown): string {
  if (Array.isArray(x)) return 'a list';
  if (isObject(x)) return 'an object';
  const json = JSON.stringify(x) ?? String(x);
  return json.length > 40 ? `${typeof x} ${json.slice(0, 37)}…` : json;
}
