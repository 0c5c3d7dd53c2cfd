/**
 * Generates realistic deck text of any size for benchmarks and tests: questions with and
 * without "?", tag lines, nested lists with all three markers, paragraph answers, curly
 * quotes and Markdown inline syntax. Deterministic for a given seed. It only writes what the
 * format can express (see src/domain/deck/parse.ts), so parsing the text gives back exactly
 * the counts in `stats`.
 *
 * CLI: npx tsx scripts/gen-deck.ts <cards> <out.txt> [seed]
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface GeneratedDeck {
  text: string;
  stats: {
    cards: number;
    listItems: number;
    taggedCards: number;
    paragraphAnswers: number;
    questionsWithoutMark: number;
  };
}

const SERVICES = [
  'Lambda', 'DynamoDB', 'SQS', 'SNS', 'Kinesis Data Streams', 'API Gateway', 'S3', 'CloudFront',
  'Elastic Beanstalk', 'CloudFormation', 'ECS', 'Fargate', 'Step Functions', 'Cognito', 'KMS',
  'CloudWatch', 'X-Ray', 'CodeDeploy', 'CodePipeline', 'ElastiCache', 'RDS', 'Aurora', 'AppSync',
  'EventBridge', 'Secrets Manager', 'Route 53', 'EC2', 'ELB', 'IAM', 'VPC',
];
const ASPECTS = [
  'scaling', 'pricing', 'security', 'monitoring', 'error handling', 'limits', 'deployment options',
  'encryption', 'caching', 'throttling', 'versioning', 'logging', 'networking', 'quotas',
  'integrations', 'retries', 'consistency', 'permissions', 'cost optimisation', 'failover',
];
const QUESTION_TEMPLATES = [
  (s: string, a: string) => `What is ${a} in ${s}?`,
  (s: string, a: string) => `How does ${s} handle ${a}?`,
  (s: string, a: string) => `What are the best practices for ${a} with ${s}?`,
  (s: string, a: string) => `Which ${a} settings does ${s} offer?`,
  (s: string, a: string) => `When should you tune ${a} for ${s}?`,
];
const PLAIN_TEMPLATES = [
  (s: string, a: string) => `List the ${a} features of ${s}`,
  (s: string, a: string) => `Describe ${s} ${a}`,
];
const TAGS = ['Development', 'Deployments', 'Monitoring', 'Security'];
const ITEM_TEXTS = [
  'Fully managed service', 'Zero downtime', 'No additional cost', 'Scales automatically with load',
  'Uses “exponential backoff” with jitter', 'Latency < 10 ms — even at peak', 'Supports **IAM** policies & resource policies',
  'Configure with `aws configure`', 'Charged per request', 'Up to 1,000 requests/s per partition',
  'Retries twice on failure', 'Data encrypted at rest with KMS', 'Integrates with CloudWatch metrics',
  'Messages kept for 4 days by default', 'Blue/green deployment available', 'Quick rollback in case of failure',
];
const PARAGRAPHS = [
  'Fully managed, highly available, in-memory cache for DynamoDB',
  'One or more attributes to retrieve',
  'Filter items before being returned',
  'Free',
];
const LEAD_INS = ['Two options:', 'Key points — in order:', 'It depends on the workload:'];
const MARKERS = ['- ', '- ', '- ', '- ', '* ', '• '];
const INDENTS = ['  ', '\t'];

/** mulberry32: a small, fast, deterministic PRNG returning floats in [0, 1). */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Generates deck text with `cardCount` cards.
 *
 * @example generateDeck(3, 1).stats.cards // 3
 */
export function generateDeck(cardCount: number, seed = 1): GeneratedDeck {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const lines: string[] = ['Generated Deck'];
  const stats = { cards: 0, listItems: 0, taggedCards: 0, paragraphAnswers: 0, questionsWithoutMark: 0 };
  const used = new Set<string>();
  let previousEndedInList = false;

  for (let index = 0; index < cardCount; index++) {
    const service = pick(SERVICES);
    const aspect = pick(ASPECTS);
    // A question without "?" is only a question after list items (rule 3d).
    const plain = previousEndedInList && next() < 0.12;
    let question = plain ? pick(PLAIN_TEMPLATES)(service, aspect) : pick(QUESTION_TEMPLATES)(service, aspect);
    if (used.has(question)) question = plain ? `${question} (part ${index})` : `${question.slice(0, -1)} (part ${index})?`;
    used.add(question);
    if (next() < 0.05) lines.push('');
    lines.push(next() < 0.02 ? `${question}   ` : question);
    stats.cards++;
    if (plain) stats.questionsWithoutMark++;

    const roll = next();
    if (!plain && roll < 0.03) {
      lines.push(pick(PARAGRAPHS));
      stats.paragraphAnswers++;
      previousEndedInList = false;
      continue;
    }
    if (roll < 0.09) {
      lines.push(pick(TAGS));
      stats.taggedCards++;
    } else if (roll < 0.13) {
      lines.push(pick(LEAD_INS));
    }
    const itemCount = 2 + Math.floor(next() * 8);
    let depth = 0;
    for (let item = 0; item < itemCount; item++) {
      const nested = item > 0 && next() < 0.25;
      depth = nested ? Math.min(depth + 1, 2) : next() < 0.5 ? 0 : depth;
      const indent = depth === 0 ? '' : pick(INDENTS).repeat(depth);
      lines.push(`${indent}${pick(MARKERS)}${pick(ITEM_TEXTS)}`);
      stats.listItems++;
    }
    previousEndedInList = true;
  }
  return { text: `${lines.join('\n')}\n`, stats };
}

function main(args: readonly string[]): number {
  const [countArg, outPath, seedArg] = args;
  const count = Number(countArg);
  if (!Number.isInteger(count) || count < 1 || outPath === undefined) {
    process.stderr.write('usage: npx tsx scripts/gen-deck.ts <cards> <out.txt> [seed]\n');
    return 2;
  }
  const { text, stats } = generateDeck(count, seedArg === undefined ? 1 : Number(seedArg));
  writeFileSync(outPath, text);
  process.stdout.write(`${outPath}: ${stats.cards} cards, ${stats.listItems} list items, ${text.length} characters\n`);
  return 0;
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
