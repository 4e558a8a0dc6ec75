import type { Location } from 'vscode-languageserver';
import { locationOf, type FeatureContext } from './context';
import { bestEvidence, subjectAt } from './findings';

/** Go to definition on a quote or claim: the passage of the best source. */
export function definition(ctx: FeatureContext, offset: number): Location | null {
  const subject = subjectAt(ctx, offset);
  const best = subject && bestEvidence(subject.evidence);
  return best ? locationOf(best) : null;
}
