import { throwIfCancelled, noCancellation, type CancellationToken } from './cancellation';
import { extractAttributions, linkQuotes } from './attribution/extract';
import { detectClaims } from './claims/detect';
import { findQuotes } from './quotes/find';
import { segmentParagraphs, segmentSentences } from './text/segment';
import type { ArticleAnalysis } from './types';

/** Runs the article pipeline: segmentation, quotes, attributions, claim candidates. */
export function analyzeArticle(text: string, token: CancellationToken = noCancellation): ArticleAnalysis {
  const paragraphs = segmentParagraphs(text);
  const sentences = segmentSentences(text, paragraphs);
  throwIfCancelled(token);
  const quotes = findQuotes(text, paragraphs);
  const attributions = extractAttributions(text, sentences, quotes);
  linkQuotes(quotes, sentences, attributions);
  throwIfCancelled(token);
  const claims = detectClaims(text, sentences, attributions);
  return { text, paragraphs, sentences, quotes, attributions, claims };
}
