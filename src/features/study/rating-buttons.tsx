/** The four answer buttons, each with the interval it would give and its key. */
import { RATINGS, RATING_LABELS, type Rating } from '../../domain/scheduling/types.ts';

export function RatingButtons({
  intervals,
  onAnswer,
}: {
  intervals: Record<Rating, string>;
  onAnswer: (rating: Rating) => void;
}) {
  return (
    <div className="ratings" role="group" aria-label="How well did you remember?">
      {RATINGS.map((rating) => (
        <button
          key={rating}
          type="button"
          className={`button rating ${RATING_LABELS[rating].toLowerCase()}`}
          onClick={() => onAnswer(rating)}
          aria-label={`${RATING_LABELS[rating]}, next review in ${intervals[rating]} (key ${rating})`}
          aria-keyshortcuts={String(rating)}
        >
          <span>{RATING_LABELS[rating]}</span>
          <span className="interval">{intervals[rating]}</span>
        </button>
      ))}
    </div>
  );
}
