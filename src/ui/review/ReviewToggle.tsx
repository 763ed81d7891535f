/** The top bar's way into review mode (src/ui/review); the shortcut and `?review` do the same. */
import { reviewShortcut, toggleReview } from './start';

export function ReviewToggle() {
  return (
    <button
      className="button"
      title={`Review mode: large type, the trace and one view filling the screen (${reviewShortcut})`}
      aria-keyshortcuts={reviewShortcut}
      onClick={toggleReview}
    >
      Review
    </button>
  );
}
