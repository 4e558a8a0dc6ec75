import { statusLabel, type Annotation } from '../core/annotations/model';
import { annotationOn, isSettledBy, settledStatus } from '../core/annotations/verdict';
import { speakerName } from '../core/speakers';
import type { Evidence } from '../core/types';
import type { FindingKind } from '../lsp/settings';
import { documentsOf, plural, type FeatureContext } from './context';
import { clip, NAME_MAX } from './markdown';

/** What a finding is about: a quote, a claim sentence, or an attribution (source and cue). */
export type Subject = 'quote' | 'claim' | 'attribution';

/** One thing the article says that the researcher may want to check, with its stable diagnostic code. */
export interface Finding {
  kind: FindingKind;
  code: string;
  subject: Subject;
  /** Index into the report's quotes, claims or the analysis' attributions. */
  index: number;
  start: number;
  end: number;
  message: string;
  evidence: Evidence[];
  /** The researcher's annotation on this span, if any. */
  annotation?: Annotation;
  /** Verified or ignored by the researcher: no longer flagged. */
  settled: boolean;
}

/**
 * Every finding of the article, in text order: one per quote (scare quotes aside), per claim not corroborated, per
 * attribution; the researcher's annotations applied (verified or ignored settle a finding; disputed raises a quote,
 * needs-source makes it count as unverified).
 */
export function findingsOf(ctx: FeatureContext): Finding[] {
  const { report } = ctx;
  const out: Finding[] = [];
  const on = (span: { start: number; end: number }) => annotationOn(ctx.annotations, span);
  report.quotes.forEach(({ quote, evidence }, index) => {
    if (quote.kind === 'scare') return;
    const who = speakerName(quote.attribution !== null ? report.analysis.attributions[quote.attribution] : undefined);
    const by = who ? `by ${clip(who, NAME_MAX)}` : 'unattributed';
    const differing = documentsOf(evidence.filter((e) => e.relation === 'differs' || e.relation === 'conflicts'));
    const supporting = documentsOf(evidence.filter((e) => e.relation === 'supports'));
    const annotation = on(quote);
    const base = { subject: 'quote' as const, index, start: quote.start, end: quote.end, evidence, annotation, settled: isSettledBy(annotation) };
    let finding: Omit<Finding, keyof typeof base>;
    if (differing.length > 0) {
      finding = { kind: 'disputed', code: 'quoted-differently', message: `Quoted differently: ${plural(differing.length, 'source')} ${differing.length === 1 ? 'gives' : 'give'} the words ${by} otherwise` };
    } else if (supporting.length === 0 && who) {
      finding = { kind: 'singleSource', code: 'single-source-quote', message: `Single-source quote ${by}: no other source carries it` };
    } else {
      const tail = supporting.length === 0 ? 'no other source carries it' : `${plural(supporting.length, 'source')} corroborate${supporting.length === 1 ? 's' : ''} it`;
      finding = { kind: 'quote', code: 'quote', message: `Quote ${by}: ${tail}` };
    }
    if (annotation?.status === 'disputed') finding.kind = 'disputed';
    if (annotation?.status === 'needs-source') finding.kind = 'unverifiedClaim';
    out.push({ ...base, ...finding, message: finding.message + byYou(annotation) });
  });
  report.claims.forEach(({ claim, status: computed, evidence }, index) => {
    const annotation = on(claim);
    const status = settledStatus(computed, annotation);
    const settled = status === 'verified' || status === 'ignored';
    // A corroborated claim is no finding, unless the researcher says otherwise.
    const shown = settled ? computed : status;
    if (shown === 'corroborated') return;
    const base = { subject: 'claim' as const, index, start: claim.start, end: claim.end, evidence, annotation, settled };
    const suffix = byYou(annotation);
    if (shown === 'unverified') out.push({ ...base, kind: 'unverifiedClaim', code: 'unverified-claim', message: `Unverified claim: not attributed, and no other source corroborates it${suffix}` });
    else if (shown === 'disputed') {
      const n = documentsOf(evidence.filter((e) => e.relation === 'differs' || e.relation === 'conflicts')).length;
      const why = n > 0 ? `${plural(n, 'source')} state${n === 1 ? 's' : ''} it differently` : 'another source states it differently';
      out.push({ ...base, kind: 'disputed', code: 'disputed-claim', message: `Disputed claim: ${why}${suffix}` });
    } else out.push({ ...base, kind: 'singleSource', code: 'single-source', message: `Single-source claim: attributed, but no other source corroborates it${suffix}` });
  });
  report.analysis.attributions.forEach((a, index) => {
    const start = Math.min(a.cue.start, a.source?.start ?? a.cue.start);
    const end = Math.max(a.cue.end, a.source?.end ?? a.cue.end);
    const who = clip(speakerName(a) ?? (a.source ? a.source.text : 'nobody named'), NAME_MAX);
    const annotation = on({ start, end });
    out.push({ kind: 'attribution', code: 'attribution', subject: 'attribution', index, start, end, evidence: [], annotation, settled: isSettledBy(annotation), message: `Attribution: ${who} (“${clip(a.cue.text, NAME_MAX)}”, ${STRENGTH[a.strength]})` });
  });
  return out.sort((x, y) => x.start - y.start || x.end - y.end);
}

const STRENGTH = { person: 'a named person', organization: 'an organisation', anonymous: 'an anonymous source', none: 'no source' } as const;

// " — disputed by you: the venue is not confirmed"
function byYou(a: Annotation | undefined): string {
  return a?.status ? ` — ${statusLabel(a.status)} by you${a.note ? `: ${clip(a.note, 120)}` : ''}` : '';
}

/** The quote or claim under an offset (quotes first: they are the narrower span). */
export function subjectAt(ctx: FeatureContext, offset: number): { subject: 'quote' | 'claim'; index: number; start: number; end: number; evidence: Evidence[] } | undefined {
  const inside = (x: { start: number; end: number }) => x.start <= offset && offset < x.end;
  const qi = ctx.report.quotes.findIndex((f) => f.quote.kind !== 'scare' && inside(f.quote));
  if (qi >= 0) {
    const { quote, evidence } = ctx.report.quotes[qi];
    return { subject: 'quote', index: qi, start: quote.start, end: quote.end, evidence };
  }
  const ci = ctx.report.claims.findIndex((f) => inside(f.claim));
  if (ci >= 0) {
    const { claim, evidence } = ctx.report.claims[ci];
    return { subject: 'claim', index: ci, start: claim.start, end: claim.end, evidence };
  }
  return undefined;
}

/** The best evidence: the highest-scoring supporting passage, else the highest-scoring of any relation. */
export function bestEvidence(evidence: readonly Evidence[]): Evidence | undefined {
  const by = (xs: readonly Evidence[]) => xs.reduce<Evidence | undefined>((best, e) => (!best || e.score > best.score ? e : best), undefined);
  return by(evidence.filter((e) => e.relation === 'supports')) ?? by(evidence);
}
