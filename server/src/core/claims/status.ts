import type { ClaimStatus, Evidence } from '../types';

/**
 * A claim's status from its evidence: disputed when another document conflicts or quotes it differently,
 * corroborated when at least one other document supports it, else single-source (credited to someone in the
 * text) or unverified.
 */
export function statusOf(evidence: readonly Evidence[], attributed: boolean): ClaimStatus {
  if (evidence.some((e) => e.relation === 'conflicts' || e.relation === 'differs')) return 'disputed';
  if (evidence.some((e) => e.relation === 'supports')) return 'corroborated';
  return attributed ? 'single-source' : 'unverified';
}
