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
