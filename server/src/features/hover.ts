import { MarkupKind, type Hover } from 'vscode-languageserver';
import { statusLabel } from '../core/annotations/model';
import { annotationOn } from '../core/annotations/verdict';
import { sharedWords } from '../core/sharedWords';
import { speakerName } from '../core/speakers';
import type { ArticleReport, Attribution, Evidence, Relation, Span } from '../core/types';
import { documentsOf, plural, rangeOf, type FeatureContext } from './context';
import { clip, emphasise, escapeMarkdown, fileLink, NAME_MAX } from './markdown';

const MARK: Record<Relation, string> = { supports: '✓', differs: '≠', conflicts: '✗', related: '~' };
const MAX_PASSAGES = 8;
const RANK: Record<Relation, number> = { supports: 0, differs: 1, conflicts: 1, related: 2 };

/** Hover on a quote, an attribution or a claim: what it is, who said it, its status, and the passages that bear on it. */
export function hover(ctx: FeatureContext, offset: number): Hover | null {
  const target = targetAt(ctx, offset);
  if (!target) return null;
  // Rendered once per report and annotation state: hovering the same quote again costs a lookup.
  let perReport = rendered.get(ctx.report);
  if (!perReport || perReport.annotations !== ctx.annotations) rendered.set(ctx.report, (perReport = { annotations: ctx.annotations, hovers: new Map() }));
  // Annotations are placed once per text and store version, so their identity tells when they changed.
  const key = `${target.start}:${target.end}`;
  let hit = perReport.hovers.get(key);
  if (!hit) perReport.hovers.set(key, (hit = { contents: { kind: MarkupKind.Markdown, value: target.render().join('\n\n') }, range: rangeOf(ctx.lines, target.start, target.end) }));
  return hit;
}

const rendered = new WeakMap<ArticleReport, { annotations: FeatureContext['annotations']; hovers: Map<string, Hover> }>();

interface Target {
  start: number;
  end: number;
  render(): string[];
}

// Quotes first (the narrowest span), then an attribution's source or cue, then the claim sentence.
function targetAt(ctx: FeatureContext, offset: number): Target | undefined {
  const { report } = ctx;
  const inside = (x: { start: number; end: number }) => x.start <= offset && offset < x.end;
  const attributions = report.analysis.attributions;

  const q = report.quotes.find((f) => inside(f.quote));
  if (q && q.quote.kind === 'scare') {
    return { ...span(q.quote), render: () => ['**Scare quote** · a term in quotation marks, not speech'] };
  }
  if (q) {
    const a = q.quote.attribution !== null ? attributions[q.quote.attribution] : undefined;
    return {
      ...span(q.quote),
      render: () => [`**Quote** · ${q.quote.kind} · ${credit(a)}`, quoteStatus(q.evidence), ...notes(ctx, q.quote), evidenceList(ctx, q.quote.text, q.evidence)],
    };
  }

  const ai = attributions.findIndex((a) => inside(a.cue) || (a.source !== null && inside(a.source)));
  if (ai >= 0) {
    const a = attributions[ai];
    const claim = report.claims.find((c) => c.claim.attribution === ai);
    return {
      start: Math.min(a.cue.start, a.source?.start ?? a.cue.start),
      end: Math.max(a.cue.end, a.source?.end ?? a.cue.end),
      render: () => [
        `**Attribution** · ${credit(a)} · ${STRENGTH[a.strength]}`,
        ...(a.content ? [`> ${escapeMarkdown(clip(a.content.text))}`] : []),
        ...(claim ? [`Claim: ${claim.status}`, evidenceList(ctx, claim.claim.text, claim.evidence)] : []),
      ],
    };
  }

  const c = report.claims.find((f) => inside(f.claim));
  if (c) {
    const a = c.claim.attribution !== null ? attributions[c.claim.attribution] : undefined;
    return {
      ...span(c.claim),
      render: () => [`**Claim** · ${c.status}${a ? ` · attributed to ${credit(a)}` : ' · not attributed'}`, ...notes(ctx, c.claim), evidenceList(ctx, c.claim.text, c.evidence)],
    };
  }
  return undefined;
}

const span = (x: { start: number; end: number }) => ({ start: x.start, end: x.end });

const STRENGTH = { person: 'a named person', organization: 'an organisation', anonymous: 'an anonymous source', none: 'no source named' } as const;

function credit(a: Attribution | undefined): string {
  if (!a) return 'nobody credited in the text';
  const who = speakerName(a) ?? a.source?.text ?? 'someone unnamed';
  return `said by **${escapeMarkdown(clip(who, NAME_MAX))}** · cue *${escapeMarkdown(clip(a.cue.text, NAME_MAX))}*`;
}

function quoteStatus(evidence: readonly Evidence[]): string {
  const supporting = documentsOf(evidence.filter((e) => e.relation === 'supports')).length;
  const differing = documentsOf(evidence.filter((e) => e.relation === 'differs' || e.relation === 'conflicts')).length;
  const parts: string[] = [];
  if (supporting > 0) parts.push(`✓ corroborated by ${plural(supporting, 'source')}`);
  if (differing > 0) parts.push(`≠ quoted differently in ${plural(differing, 'source')}`);
  return parts.length > 0 ? parts.join(' · ') : 'no other source carries it';
}

/** The researcher's own status, note and source on the span, if any (all escaped: it is file content). */
function notes(ctx: FeatureContext, span: Span): string[] {
  const a = annotationOn(ctx.annotations, span);
  if (!a) return [];
  const parts = [`**Your annotation:** ${escapeMarkdown(statusLabel(a.status))}`];
  if (a.note) parts.push(`— ${escapeMarkdown(clip(a.note))}`);
  if (a.source) parts.push(`(source: ${escapeMarkdown(clip(a.source, 120))})`);
  return [parts.join(' ')];
}

function evidenceList(ctx: FeatureContext, subject: string, evidence: readonly Evidence[]): string {
  if (evidence.length === 0) return '_No other document of the corpus carries it._';
  // What the reader can rely on first, what merely tells of the same event last; the most certain first within each.
  const ordered = [...evidence].sort((x, y) => RANK[x.relation] - RANK[y.relation] || y.score - x.score);
  const items = ordered.slice(0, MAX_PASSAGES).map((e) => {
    const name = `${escapeMarkdown(clip(ctx.nameOf(e.documentId), NAME_MAX))}:${e.line + 1}`;
    const target = fileLink(e.documentId, e.line);
    const source = target ? `[${name}](${target})` : name;
    const passage = emphasise(e.text, sharedWords(subject, e.text));
    return `${MARK[e.relation]} **${e.relation}** · ${e.score.toFixed(2)} · ${source}\n\n> ${passage}`;
  });
  const more = ordered.length > MAX_PASSAGES ? [`…and ${ordered.length - MAX_PASSAGES} more (Find All References)`] : [];
  return ['---', ...items, ...more].join('\n\n');
}
