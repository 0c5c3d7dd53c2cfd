import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSearchIndex, type SearchDoc } from '../../../../src/domain/search/search-index.ts';
import { tokenize, uniqueWords } from '../../../../src/domain/search/tokenize.ts';

const doc = (id: string, question: string, answer = ''): SearchDoc => ({ id, question, answer });
const found = (index: ReturnType<typeof createSearchIndex>, query: string) => index.search(query)?.ids().sort();

/** What the index must answer: every query word starts some word of the card. */
function reference(docs: readonly SearchDoc[], query: string): string[] | undefined {
  const words = uniqueWords(query);
  if (words.length === 0) return undefined;
  return docs
    .filter((d) => {
      const cardWords = tokenize(`${d.question} ${d.answer}`);
      return words.every((w) => cardWords.some((c) => c.startsWith(w)));
    })
    .map((d) => d.id)
    .sort();
}

describe('tokenize', () => {
  it('cuts on anything that is not a letter or digit, lower-cased, Markdown syntax dropped', () => {
    expect(tokenize('What is **Elastic Beanstalk**?')).toEqual(['what', 'is', 'elastic', 'beanstalk']);
    expect(tokenize('- Use `aws configure` for X-Ray & S3')).toEqual(['use', 'aws', 'configure', 'for', 'x', 'ray', 's3']);
  });

  it('folds accents and compatibility forms, keeps letters of any script', () => {
    expect(tokenize('Café ﬁle Überblick')).toEqual(['cafe', 'file', 'uberblick']);
    expect(tokenize('Ελληνικά 東京タワー')).toEqual(['ελληνικα', '東京タワー']);
    // A decomposed accent (e + combining acute) folds the same way as the composed one.
    expect(tokenize('cafe\u0301')).toEqual(['cafe']);
    // Letters outside the BMP are read whole (and folded); emoji separate words.
    expect(tokenize('𝒜lpha😀beta')).toEqual(['alpha', 'beta']);
  });

  it('finds no words in punctuation or whitespace', () => {
    expect(tokenize('  -- ** ?! ')).toEqual([]);
    expect(uniqueWords('the cat and the hat')).toEqual(['the', 'cat', 'and', 'hat']);
  });
});

describe('search index', () => {
  const cards = [
    doc('eb', 'What is Elastic Beanstalk?', '- Developer-centric view of deploying an app on AWS'),
    doc('edge', 'What is Lambda@Edge?', '- Runs functions at CloudFront edge locations'),
    doc('lambda', 'How does Lambda scale?', '- Concurrency: 1,000 per region by default'),
    doc('ddb', 'What is DAX?', '- In-memory cache for **DynamoDB**'),
  ];

  it('matches every query word as the start of a word in the question or answer', () => {
    const index = createSearchIndex(cards);
    expect(found(index, 'lamb')).toEqual(['edge', 'lambda']);
    expect(found(index, 'lamb edge')).toEqual(['edge']);
    expect(found(index, 'EDGE lamb')).toEqual(['edge']);
    expect(found(index, 'dynamo')).toEqual(['ddb']);
    expect(found(index, 'cloudfront')).toEqual(['edge']);
    expect(found(index, 'developer-centric')).toEqual(['eb']);
    expect(found(index, 'what')).toEqual(['ddb', 'eb', 'edge']);
  });

  it('does not match inside words, and misses cleanly', () => {
    const index = createSearchIndex(cards);
    expect(found(index, 'ambda')).toEqual([]);
    expect(found(index, 'lambda nothing')).toEqual([]);
    expect(index.search('zzz')?.count).toBe(0);
  });

  it('treats a query without words as "everything" (null)', () => {
    const index = createSearchIndex(cards);
    expect(index.search('')).toBeNull();
    expect(index.search('  ?! ')).toBeNull();
  });

  it('answers has() for ids, including ids it has never seen', () => {
    const matches = createSearchIndex(cards).search('what is')!;
    expect(matches.count).toBe(3);
    expect(matches.has('eb')).toBe(true);
    expect(matches.has('lambda')).toBe(false);
    expect(matches.has('unknown')).toBe(false);
  });

  it('sync re-indexes only what changed, and reports it', () => {
    const index = createSearchIndex(cards);
    const version = index.version;
    expect(index.sync(cards.map((c) => ({ ...c })))).toEqual({ added: 0, changed: 0, removed: 0 });
    expect(index.version).toBe(version);

    const summary = index.sync([
      doc('eb', 'What is Elastic Beanstalk?', '- Handles capacity provisioning'),
      cards[1]!,
      cards[3]!,
      doc('sqs', 'What is SQS?', '- A queue; **Lambda** can poll it'),
    ]);
    expect(summary).toEqual({ added: 1, changed: 1, removed: 1 });
    expect(index.version).toBe(version + 1);
    expect(index.size).toBe(4);
    expect(found(index, 'developer')).toEqual([]);
    expect(found(index, 'capacity')).toEqual(['eb']);
    expect(found(index, 'lambda')).toEqual(['edge', 'sqs']);
    expect(found(index, 'concurrency')).toEqual([]);
  });

  it('a word whose cards all left and then comes back is found again', () => {
    const index = createSearchIndex(cards);
    index.sync(cards.filter((c) => c.id !== 'ddb'));
    expect(found(index, 'dax')).toEqual([]);
    index.sync([...cards, doc('dax2', 'DAX pricing?')]);
    expect(found(index, 'dax')).toEqual(['dax2', 'ddb']);
  });

  it('many changes at once (the index compacts itself) give the same answers as a fresh index', () => {
    const many = Array.from({ length: 4000 }, (_, i) => doc(`c${i}`, `Question ${i} about topic${i % 7}`, `- answer word${i % 13}`));
    const index = createSearchIndex(many);
    const reworded = many.map((d, i) => (i % 4 !== 0 ? { ...d, answer: `- changed word${i % 5}` } : d));
    expect(index.sync(reworded).changed).toBe(3000);
    const shuffled = [...reworded.slice(2000), ...reworded.slice(0, 1500), doc('new', 'A brand new card')];
    expect(index.sync(shuffled)).toEqual({ added: 1, changed: 0, removed: 500 });
    expect(index.size).toBe(3501);
    for (const query of ['topic3', 'word4', 'changed word1', 'question 19', 'answer', 'brand', 'question 1999']) {
      expect(found(index, query)).toEqual(reference(shuffled, query));
      expect(index.search(query)?.count).toBe(reference(shuffled, query)?.length);
    }
  });

  it('agrees with a plain scan for any cards, edits and queries', () => {
    const word = fc.constantFrom('lambda', 'lamb', 'edge', 'Café', 'cafe', 'x-ray', 'S3', 'dynamo', 'DynamoDB', 'ice', 'is', '東京');
    const text = fc.array(word, { maxLength: 6 }).map((words) => words.join(' '));
    const docs = fc.uniqueArray(fc.record({ id: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), question: text, answer: text }), {
      selector: (d) => d.id,
      maxLength: 6,
    });
    fc.assert(
      fc.property(fc.array(docs, { minLength: 1, maxLength: 4 }), fc.array(text, { minLength: 1, maxLength: 4 }), (versions, queries) => {
        const index = createSearchIndex();
        for (const version of versions) {
          index.sync(version);
          expect(index.size).toBe(version.length);
          for (const query of queries) {
            expect(found(index, query)).toEqual(reference(version, query));
            expect(index.search(query)?.count).toBe(reference(version, query)?.length);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
