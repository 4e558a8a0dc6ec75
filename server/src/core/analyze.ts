import { throwIfCancelled, noCancellation, type CancellationToken } from './cancellation';
import { extractAttributions, type AttributionOptions } from './attribution/extract';
import { linkQuotes, nestAttributions } from './attribution/link';
import { resolveSpeakers } from './attribution/speakers';
import { detectClaims } from './claims/detect';
import { findQuotes } from './quotes/find';
import { segmentParagraphs, segmentSentences } from './text/segment';
import { tokenize } from './text/tokens';
import type { ArticleAnalysis, Attribution } from './types';

/** Options of the article analysis. */
export interface AnalysisOptions extends AttributionOptions {}

/** Runs the article pipeline: segmentation, tokens, quotes, attributions and speakers, claim candidates. */
export function analyzeArticle(text: string, token: CancellationToken = noCancellation, options: AnalysisOptions = {}): ArticleAnalysis {
  const paragraphs = segmentParagraphs(text);
  const sentences = segmentSentences(text, paragraphs);
  const quotes = findQuotes(text, paragraphs, sentences);
  throwIfCancelled(token);
  const tokens = tokenize(text, sentences);
  throwIfCancelled(token);
  const found = extractAttributions(text, sentences, tokens, quotes, options);
  resolveSpeakers(tokens, found, quotes);
  const attributions: Attribution[] = found.map(({ sourceTokens: _, ...a }) => a);
  nestAttributions(attributions);
  linkQuotes(quotes, sentences, paragraphs, attributions);
  throwIfCancelled(token);
  const claims = detectClaims(text, sentences, attributions);
  return { text, paragraphs, sentences, quotes, attributions, claims };
}
