// Who is quoted in a corpus passage, found cheaply: the corpus may hold thousands of candidate documents, so
// this reads the passage's own attribution pattern ("…,” said Sarah Sanders", "Bolton said", "according to
// the White House") instead of running the full attribution analysis over each document.

const CUE = '(?:said|says|added|adds|told|tells|wrote|writes|stated|states|insisted|noted|explained|argued|continued|declared|announced|emphasi[sz]ed|stressed)';
const NAME = "(\\p{Lu}[\\p{L}’'.-]+(?:\\s+\\p{Lu}[\\p{L}’'.-]+){0,3})";
const AFTER_CUE = new RegExp(`\\b${CUE}\\s+(?:the\\s+)?(?:[\\p{Ll}-]+\\s+){0,3}?${NAME}`, 'u');
const BEFORE_CUE = new RegExp(`${NAME}\\s+(?:also\\s+|then\\s+|later\\s+)?${CUE}\\b`, 'u');
const ACCORDING = new RegExp(`\\baccording to\\s+(?:the\\s+)?${NAME}`, 'iu');
const NOT_NAMES = /^(?:The|A|An|He|She|They|We|It|This|That|But|And|In|On|At|White House|US|U\.S\.)$/;

/** The name credited in a passage's attribution, if it names one ("Sarah Sanders", "Bolton"), else null. */
export function passageSpeaker(text: string): string | null {
  for (const re of [AFTER_CUE, BEFORE_CUE, ACCORDING]) {
    const m = re.exec(text);
    const name = m?.[1]?.replace(/[’']s$/, '').replace(/[.,]+$/, '');
    if (name && !NOT_NAMES.test(name)) return name;
  }
  return null;
}
