// Term ids: every distinct stem of the corpus gets a small integer, so postings and token lists are numbers.
import { stem } from './terms';

/** Stems ↔ ids. Its state is the array of stems; the lookup maps are rebuilt from it. */
export class Vocabulary {
  private readonly ids = new Map<string, number>();
  // Folded word → stem id: stemming runs once per distinct word, not once per occurrence.
  private readonly byWord = new Map<string, number>();

  constructor(readonly stems: string[] = []) {
    for (let i = 0; i < stems.length; i++) this.ids.set(stems[i], i);
  }

  get size(): number {
    return this.stems.length;
  }

  /** The id of a folded word's stem, added when new. */
  intern(word: string): number {
    const known = this.byWord.get(word);
    if (known !== undefined) return known;
    const s = stem(word);
    let id = this.ids.get(s);
    if (id === undefined) {
      id = this.stems.length;
      this.stems.push(s);
      this.ids.set(s, id);
    }
    this.byWord.set(word, id);
    return id;
  }

  /** The id of a folded word's stem, or -1 when no corpus passage ever had it. */
  find(word: string): number {
    const known = this.byWord.get(word);
    if (known !== undefined) return known;
    return this.ids.get(stem(word)) ?? -1;
  }
}
