// Page furniture that comes along when an article is saved from the web: comment boxes, "Related Articles",
// share and subscribe prompts, bylines, breadcrumbs, menus, author blurbs, and advertisements tacked on after
// the story ("5 Best Property Lawyers in Irvine, CA"). None of it is a claim the article makes.

const FURNITURE = new RegExp(
  '^(?:' +
    [
      'add a comment',
      'leave a (?:comment|reply)',
      'comments?',
      'related(?: articles?| stories| posts| news)?',
      'read (?:more|next|also)',
      'recommended(?: for you)?',
      'more (?:from|on|stories)',
      'share(?: this)?(?: article| story| on \\w+)?',
      'sign up',
      'subscribe',
      'click here',
      'advertisement',
      'sponsored',
      'last news',
      'latest news',
      'close',
      'sources?:.*',
      'photo:.*',
      'image:.*',
      'copyright.*',
      '©.*',
      'all rights reserved.*',
      'follow us.*',
      'by',
      'by [^.]{0,60}',
    ].join('|') +
    ')[.:!]?$',
  'i',
);

const FURNITURE_SENTENCE =
  /\b(?:your email address will not be published|required fields are marked|all rights reserved|cookies? polic|privacy policy|terms of (?:use|service)|sign up for (?:our|the) newsletter|subscribe to our|to help you find the best|below is a list of the (?:top|best)|click here to)\b/i;

/** True for a line or sentence that is page furniture rather than article text. */
export function isFurniture(sentence: string): boolean {
  const s = sentence.trim();
  if (FURNITURE.test(s) || FURNITURE_SENTENCE.test(s)) return true;
  if ((s.match(/\|/g) ?? []).length >= 2 || /https?:\/\/|www\.\w/.test(s)) return true; // menus, link lists
  // A list heading: "5 Best Property Lawyers in Irvine, CA", "10 things to know".
  if (/^\d+\s+(?:best|top|things|ways|reasons|tips)\b/i.test(s) && !/[.!?]["”’]?$/.test(s)) return true;
  return false;
}

/** Words after which the rest of the page is furniture ("Add a Comment", "Related Articles"). */
export function endsArticle(sentence: string): boolean {
  return /^(?:add a comment|leave a (?:comment|reply)|related(?: articles?| stories| posts)?|read more|recommended(?: for you)?|more stories|last news|latest news)[.:!]?$/i.test(
    sentence.trim(),
  );
}
