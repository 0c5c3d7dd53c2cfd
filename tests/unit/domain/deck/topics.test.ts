import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from '../../../../src/domain/deck/parse.ts';
import { assignTopics, validateTopicMap } from '../../../../src/domain/deck/topics.ts';
import type { TopicMap } from '../../../../src/domain/deck/topics.ts';
import type { DeckCard } from '../../../../src/domain/deck/types.ts';

const card = (question: string, answer = ''): DeckCard => ({ id: 'x', question, answer, tags: [], topics: [], line: 1 });
const topicsOf = (map: TopicMap, question: string, answer = ''): string[] => assignTopics([card(question, answer)], map)[0]?.topics ?? [];

describe('assignTopics', () => {
  const map: TopicMap = {
    topics: {
      Lambda: ['Lambda'],
      'X-Ray': ['X-Ray'],
      'Route 53': ['Route 53'],
      ELB: ['ELB', 'ALB'],
      SQS: ['SQS', 'dead letter queue'],
      ECS: ['ECS'],
      EC2: ['EC2'],
    },
  };

  it('matches keywords case-insensitively, on word boundaries, in map order', () => {
    expect(topicsOf(map, 'How does Lambda work with ALB?')).toEqual(['Lambda', 'ELB']);
    expect(topicsOf(map, 'how does LAMBDA scale?')).toEqual(['Lambda']);
    expect(topicsOf(map, 'What is LambdaX or xLambda?')).toEqual([]);
    expect(topicsOf(map, 'What are ECS tasks on EC2?')).toEqual(['ECS', 'EC2']);
  });

  it('matches keywords with punctuation and spaces, and plurals with a trailing s', () => {
    expect(topicsOf(map, 'How can we enable X-Ray?')).toEqual(['X-Ray']);
    expect(topicsOf(map, 'What about Route\t53 records?')).toEqual(['Route 53']);
    expect(topicsOf(map, 'How can we deploy Lambdas?')).toEqual(['Lambda']);
    expect(topicsOf(map, 'What are dead letter queues in SQS?')).toEqual(['SQS']);
    expect(topicsOf(map, 'What is the difference between CloudFront functions vs Lambda@Edge?')).toEqual(['Lambda']);
  });

  it('falls back to the answer only when the question matches nothing', () => {
    expect(topicsOf(map, 'What decouples applications?', '- SQS\n- Lambda')).toEqual(['Lambda', 'SQS']);
    expect(topicsOf(map, 'What is Lambda?', '- Runs after SQS messages')).toEqual(['Lambda']);
    expect(topicsOf(map, 'What is this?', '- nothing known')).toEqual([]);
  });

  it('treats keywords as literal text, not patterns', () => {
    expect(topicsOf({ topics: { Odd: ['a.b', 'c++', '(x)'] } }, 'Is axb here?')).toEqual([]);
    expect(topicsOf({ topics: { Odd: ['a.b', 'c++', '(x)'] } }, 'Is c++ here?')).toEqual(['Odd']);
  });

  it('does not modify the cards it is given', () => {
    const cards = [card('What is Lambda?')];
    const result = assignTopics(cards, map);
    expect(cards[0]?.topics).toEqual([]);
    expect(result[0]?.topics).toEqual(['Lambda']);
  });
});

describe('validateTopicMap', () => {
  it('accepts a well-formed map, trimming keywords and dropping repeats with warnings', () => {
    const result = validateTopicMap({ $comment: 'x', topics: { SQS: [' SQS ', 'sqs', 'queue'], Empty: [] } }, 'm.json');
    expect(result.value).toEqual({ topics: { SQS: ['SQS', 'queue'], Empty: [] } });
    expect(result.diagnostics).toEqual([
      { line: 0, severity: 'warning', message: 'm.json: topic "SQS" lists "sqs" twice' },
      { line: 0, severity: 'warning', message: 'm.json: topic "Empty" has no keywords, so no card can get it' },
    ]);
  });

  it('rejects the wrong shapes with errors', () => {
    for (const json of [null, [], 'x', 3, {}, { topics: [] }, { topics: { A: 'a' } }, { topics: { A: ['a', 1] } }]) {
      const result = validateTopicMap(json);
      expect(result.value).toBeNull();
      expect(result.diagnostics.some((d) => d.severity === 'error')).toBe(true);
    }
  });

  it('warns about unknown keys and empty keywords', () => {
    const result = validateTopicMap({ topics: { A: ['a', '  '] }, extra: true });
    expect(result.value).toEqual({ topics: { A: ['a'] } });
    expect(result.diagnostics.map((d) => d.message)).toEqual([
      'topic map: unknown key "extra" is ignored',
      'topic map: topic "A" has an empty keyword; it is ignored',
    ]);
  });
});

describe('the seed topic map (decks/aws-cda.topics.json)', () => {
  const json: unknown = JSON.parse(readFileSync(new URL('../../../../decks/aws-cda.topics.json', import.meta.url), 'utf8'));
  const validated = validateTopicMap(json, 'aws-cda.topics.json');
  const seed = parse(readFileSync(new URL('../../../../decks/aws-cda.txt', import.meta.url), 'utf8'), 'aws-cda.txt');
  const cards = validated.value === null ? [] : assignTopics(seed.cards, validated.value);
  const byLine = (line: number): string[] | undefined => cards.find((c) => c.line === line)?.topics;

  it('is valid without warnings', () => {
    expect(validated.diagnostics).toEqual([]);
    expect(validated.value).not.toBeNull();
  });

  it('gives every seed card at least one topic', () => {
    expect(cards).toHaveLength(172);
    expect(cards.filter((c) => c.topics.length === 0).map((c) => `${c.line}: ${c.question}`)).toEqual([]);
  });

  it('assigns the expected topics on spot checks', () => {
    expect(byLine(2)).toEqual(['Elastic Beanstalk']); // What is Elastic Beanstalk?
    expect(byLine(47)).toEqual(['Elastic Beanstalk']); // How do rolling deployments work?
    expect(byLine(111)).toEqual(['API Gateway', 'ACM']);
    expect(byLine(304)).toEqual(['DynamoDB']); // What is DynamoDB Accelerator (DAX)?
    expect(byLine(306)).toEqual(['DynamoDB']); // What are the key features of DAX?
    expect(byLine(372)).toEqual(['SQS', 'SNS', 'Kinesis']); // decoupling: from the answer
    expect(byLine(436)).toEqual(['SQS']); // “re-drive to source” feature of DLQ
    expect(byLine(707)).toEqual(['Lambda', 'EventBridge', 'CloudWatch']);
    expect(byLine(985)).toEqual(['CloudWatch', 'X-Ray', 'CloudTrail']);
    expect(byLine(1083)).toEqual(['ECS', 'EKS', 'ECR', 'Fargate']);
    expect(byLine(1133)).toEqual(['ECS', 'EC2', 'IAM']);
    expect(byLine(1202)).toEqual(['EC2', 'CodeDeploy']);
  });
});
