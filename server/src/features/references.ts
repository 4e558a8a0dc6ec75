import type { Location } from 'vscode-languageserver';
import { locationOf, rangeOf, type FeatureContext } from './context';
import { subjectAt } from './findings';

/** Find references on a quote or claim: every evidence passage, best first; with the declaration, the quote or claim itself too. */
export function references(ctx: FeatureContext, offset: number, includeDeclaration: boolean): Location[] {
  const subject = subjectAt(ctx, offset);
  if (!subject) return [];
  const passages = [...subject.evidence].sort((a, b) => b.score - a.score).map(locationOf);
  return includeDeclaration ? [{ uri: ctx.uri, range: rangeOf(ctx.lines, subject.start, subject.end) }, ...passages] : passages;
}
