/**
 * Text similarity used to recognise an edited card: Dice's coefficient over character
 * trigrams of the normalised text. It tolerates typo fixes and rewording that keeps most of
 * the wording ("Wht is SQS?" → "What is SQS?" scores ≈ 0.8) and stays near 0 for unrelated text.
 */

function normalise(text: string): string {
  return ` ${text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim()} `;
}

function trigrams(text: string): Map<string, number> {
  const grams = new Map<string, number>();
  for (let i = 0; i + 3 <= text.length; i++) {
    const g = text.slice(i, i + 3);
    grams.set(g, (grams.get(g) ?? 0) + 1);
  }
  return grams;
}

/**
 * Similarity from 0 (nothing shared) to 1 (same text once normalised).
 * @example textSimilarity('What is SQS?', 'What is  sqs?') // 1
 */
export function textSimilarity(a: string, b: string): number {
  const na = normalise(a);
  const nb = normalise(b);
  if (na === nb) return 1;
  const ga = trigrams(na);
  const gb = trigrams(nb);
  let shared = 0;
  let total = 0;
  for (const count of ga.values()) total += count;
  for (const [gram, count] of gb) {
    total += count;
    shared += Math.min(count, ga.get(gram) ?? 0);
  }
  return total === 0 ? 0 : (2 * shared) / total;
}
