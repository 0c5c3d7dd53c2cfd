/** The figures of one snapshot, section by section, in the order Anki's statistics use. */
import type { StatsSnapshot } from '../../workers/stats-snapshot.ts';
import { AnswerButtonsSection } from './answer-buttons-section.tsx';
import { CardCountsSection } from './card-counts-section.tsx';
import { DistributionsSection } from './distributions-section.tsx';
import { ForecastSection } from './forecast-section.tsx';
import { GroupRetentionTable } from './group-retention-table.tsx';
import { HeatmapSection } from './heatmap-section.tsx';
import { TodaySection } from './today-section.tsx';
import { TrueRetentionSection } from './true-retention-section.tsx';

export function StatsSections({ snapshot }: { snapshot: StatsSnapshot }) {
  return (
    <>
      <TodaySection today={snapshot.today} />
      <HeatmapSection heatmap={snapshot.heatmap} />
      <ForecastSection forecast30={snapshot.forecast30} forecast90={snapshot.forecast90} />
      <TrueRetentionSection table={snapshot.trueRetention} />
      <CardCountsSection counts={snapshot.cardCounts} />
      <DistributionsSection distributions={snapshot.distributions} />
      <AnswerButtonsSection buttons={snapshot.answerButtons} />
      <GroupRetentionTable
        id="stats-topics"
        title="Retention by topic"
        groupHeader="Topic"
        groups={snapshot.byTopic}
        emptyText="These cards have no topics."
      />
      <GroupRetentionTable id="stats-tags" title="Retention by tag" groupHeader="Tag" groups={snapshot.byTag} emptyText="These cards have no tags." />
    </>
  );
}
