/**
 * The trace viewer's keys (stepKeys.ts), heard anywhere in the view and when nothing else has the
 * focus, so that a trace opened from a link can be stepped at once.
 */
import { useEffect, type RefObject } from 'react';
import { selectStep } from '../../explore/actions';
import { stepForKey } from './stepKeys';

export function useStepKeys(root: RefObject<HTMLElement | null>, index: number, count: number) {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      const inView = target === document.body || (target && root.current?.contains(target));
      if (!inView || event.defaultPrevented) return;
      const { key, ctrlKey, altKey, metaKey } = event;
      const next = stepForKey({ key, ctrlKey, altKey, metaKey, target }, index, count);
      if (next === undefined) return;
      event.preventDefault();
      selectStep(next);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [root, index, count]);
}
