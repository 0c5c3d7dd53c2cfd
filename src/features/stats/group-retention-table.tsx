/** Retention per topic or per tag: review answers that passed, and mean recall now. */
import type { GroupRetention } from '../../domain/stats/retention-by-group.ts';
import { formatCount, formatRate } from './format.ts';

export interface GroupRetentionProps {
  id: string;
  title: string;
  /** "Topic" or "Tag". */
  groupHeader: string;
  groups: readonly GroupRetention[];
  emptyText: string;
}

export function GroupRetentionTable({ id, title, groupHeader, groups, emptyText }: GroupRetentionProps) {
  return (
    <section className="stats-section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {groups.length === 0 ? (
        <p className="muted">{emptyText}</p>
      ) : (
        <div className="table-scroll">
          <table className="stats-table">
            <thead>
              <tr>
                <th scope="col">{groupHeader}</th>
                <th scope="col">Cards</th>
                <th scope="col">Review answers</th>
                <th scope="col">Retention</th>
                <th scope="col">Recall now</th>
              </tr>
            </thead>
            <tbody>
              {groups.map((g) => (
                <tr key={g.group}>
                  <th scope="row">{g.group}</th>
                  <td>{formatCount(g.cards)}</td>
                  <td>{formatCount(g.answers)}</td>
                  <td>{formatRate(g.retention)}</td>
                  <td>{formatRate(g.meanRetrievability)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
