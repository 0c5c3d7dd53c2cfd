/**
 * The undo stack of a study session: the last few answers, newest last, as plain data.
 * Undoing an answer means writing `entry.before` back as the card's schedule (it is an
 * exact snapshot, due date included), deleting that entry's log row, and handing the entry
 * to the queue's applyUndo. The stack itself never touches storage.
 */
import type { ReviewEntry } from './types.ts';

/** How many answers can be undone by default. */
export const DEFAULT_UNDO_DEPTH = 20;

export interface UndoStack {
  /** Oldest first; at most `depth` entries. */
  readonly entries: readonly ReviewEntry[];
  readonly depth: number;
}

/**
 * An empty stack that keeps at most `depth` answers.
 *
 * @example
 * createUndoStack(3).entries.length; // 0
 */
export function createUndoStack(depth: number = DEFAULT_UNDO_DEPTH): UndoStack {
  if (!Number.isInteger(depth) || depth < 1) throw new RangeError(`Undo depth must be a whole number >= 1, got ${depth}`);
  return { entries: [], depth };
}

/**
 * The stack with `entry` on top; the oldest entry falls off once the stack is full.
 *
 * @example
 * pushUndo(createUndoStack(), entry).entries.at(-1) === entry; // true
 */
export function pushUndo(stack: UndoStack, entry: ReviewEntry): UndoStack {
  const kept = stack.entries.length >= stack.depth ? stack.entries.slice(stack.entries.length - stack.depth + 1) : stack.entries;
  return { entries: [...kept, entry], depth: stack.depth };
}

/**
 * The newest entry and the stack without it, or null when there is nothing to undo.
 *
 * @example
 * const popped = popUndo(stack);
 * if (popped) { restore(popped.entry.before); stack = popped.stack; }
 */
export function popUndo(stack: UndoStack): { entry: ReviewEntry; stack: UndoStack } | null {
  const entry = stack.entries.at(-1);
  if (entry === undefined) return null;
  return { entry, stack: { entries: stack.entries.slice(0, -1), depth: stack.depth } };
}

/**
 * The entry an undo would restore, or null.
 *
 * @example
 * peekUndo(createUndoStack()); // null
 */
export function peekUndo(stack: UndoStack): ReviewEntry | null {
  return stack.entries.at(-1) ?? null;
}
